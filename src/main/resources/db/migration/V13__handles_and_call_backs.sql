-- SPEC R1: a chat or social customer may have neither e-mail nor phone. The channel's own
-- handle (chat session user, social account) identifies them: it is a customer_identity of
-- kind CHAT or SOCIAL (the channel family), and the contact keeps the handle it came from,
-- so the reply goes back to it through that channel's webhook.
alter table contact add column customer_handle varchar(200);

-- SPEC R3: a web form's "call me back" request: when the customer asked to be called, moved
-- into working hours; the call-back protocol calls then (null: not a call-me request)
alter table contact add column call_back_at timestamp with time zone;
