-- A message to a customer that careflow could not hand over (no way out for its channel, or
-- its attempts ran out) is told to the team leads once, through the same staff e-mails as the
-- deadlines: such an alert names the message, not a deadline, and a proactive notice outside
-- any case (shipment news) has no contact either.
alter table staff_alert alter column deadline_id drop not null;
alter table staff_alert alter column contact_id drop not null;
alter table staff_alert add column message_id varchar(36);
