-- E-mails to staff about a deadline (deadline-alert.bpmn): one row per deadline, level and person,
-- written in the sending step's transaction before the e-mail leaves. A second run of the same
-- step — a cluster node whose job lock ran out while another still ran it, or a retry after the
-- first run committed — waits for the first run's row and sends nothing (issue 9, cluster test).
create table staff_alert (
  -- the e-mail's Message-ID, fixed by deadline, level and person
  id          varchar(36)  primary key,
  contact_id  varchar(36)  not null references contact (id),
  deadline_id varchar(36)  not null,
  level       varchar(20)  not null,
  recipient   varchar(100) not null,
  sent_at     timestamp with time zone not null
);
create index ix_staff_alert_contact on staff_alert (contact_id);
