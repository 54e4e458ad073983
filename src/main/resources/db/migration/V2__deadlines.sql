-- Deadlines in working time (SPEC R2). One row per guarded step of a contact: the reply
-- deadline of every contact ("reply"), later the review of a replacement, the call-back …
-- The contact's SLA of API.md is its "reply" deadline.
create table deadline (
  id                     varchar(36)  primary key,
  contact_id             varchar(36)  not null references contact (id),
  step                   varchar(40)  not null,
  -- the target as the policy table gave it (ISO-8601, working time), and its warning point
  target                 varchar(30)  not null,
  warning_fraction       numeric(4, 3) not null,
  started_at             timestamp with time zone not null,
  warning_at             timestamp with time zone not null,
  due_at                 timestamp with time zone not null,
  escalation_at          timestamp with time zone not null,
  -- while the shop waits for the customer the clock stands still
  paused_at              timestamp with time zone,
  paused_working_seconds bigint       not null default 0,
  warned_at              timestamp with time zone,
  breached_at            timestamp with time zone,
  escalated_at           timestamp with time zone,
  completed_at           timestamp with time zone,
  met                    boolean
);
create index ix_deadline_contact on deadline (contact_id, step, started_at);
create index ix_deadline_open_due on deadline (due_at, completed_at);

-- the deadline table holds what V1 kept on the contact
alter table contact drop column sla_target;
alter table contact drop column sla_due_at;
alter table contact drop column sla_met;
-- working minutes from receipt to the first reply (business calendar), for the KPIs
alter table contact add column first_reply_working_minutes bigint;

-- what a message to the customer was: the answer, or a question that stops the reply clock
alter table message add column kind varchar(20);
