-- SPEC R1: a PHONE contact is answered by calling the customer; a text message (SMS) goes to
-- their phone only when the customer agreed to one (customer.textMessagesAllowed at intake).
-- Null: not asked, which counts as not agreed.
alter table contact add column text_messages_allowed boolean;
