-- Customers' files are kept (content included), so an agent decides with the photo in front
-- of them. A file refused by the size cap or the type allow-list keeps its name and why, with
-- no content. Deleted with the contact by retention (message_attachment is a detail table).
alter table message_attachment add column content bytea;
alter table message_attachment add column refusal varchar(300);
-- where a file came from: EMAIL (an e-mail of the customer) or WEB_FORM (a public page)
alter table message_attachment add column source varchar(20);

-- "Ask the customer": a question an agent sent from a task; the task stays open with the case's
-- clocks stopped until the customer answers (answered_at), then they run on
create table customer_question (
  id                varchar(36)   primary key,
  contact_id        varchar(36)   not null references contact (id),
  task_id           varchar(64)   not null,
  task_name         varchar(255),
  question          varchar(4000) not null,
  asked_by          varchar(100)  not null,
  asked_at          timestamp with time zone not null,
  message_id        varchar(36),
  paused_deadlines  varchar(2000),
  answered_at       timestamp with time zone,
  answer_message_id varchar(36)
);
create index ix_customer_question_contact on customer_question (contact_id);
