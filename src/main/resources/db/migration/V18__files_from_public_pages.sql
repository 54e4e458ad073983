-- Why a file was kept out, as a word a notice template turns into the customer's language
-- (SIZE: over the cap; TYPE: not on the allow-list); refusal keeps the agent's sentence.
alter table message_attachment add column refused_because varchar(10);
-- The link to the public answer page that a question carried: it opens only while the question
-- waits for its answer (single use; an answer by e-mail closes it too).
alter table customer_question add column answer_link_id varchar(36);
