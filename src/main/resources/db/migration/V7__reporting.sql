-- Reporting (SPEC R6): the contact's team for the KPI filters, the indexes the KPI queries
-- need, and the daily aggregates that keep the KPIs of a period after the retention job has
-- deleted its contacts. Written once for H2 and PostgreSQL, like V1.

-- the team that runs the case: the candidate group of its protocol's tasks, set when the
-- contact is classified (team-leads when a senior agent took over); null while in triage
alter table contact add column team varchar(60);
-- contacts classified before this migration: the classification event names the team
-- ("topic COMPLAINT, protocol complaint, team team-complaints")
update contact set team = (
    select max(substring(e.detail from position(', team ' in e.detail) + 7))
    from contact_event e
    where e.contact_id = contact.id and e.type = 'CLASSIFIED' and position(', team ' in e.detail) > 0)
  where team is null;
update contact set team = null where team = 'null' or team = '';

-- the KPIs read the contacts received in a period, optionally of one channel, team, topic
create index ix_contact_received on contact (received_at, channel, team, topic);
-- first-contact resolution: did the same customer come back on the same topic within 7 days?
create index ix_contact_repeat on contact (customer_id, topic, received_at);
-- backlog and the live gauges: open contacts per status and team
create index ix_contact_open on contact (status, team);
-- retention: closed contacts by the time they closed
create index ix_contact_resolved on contact (resolved_at);
-- first-contact resolution: answers, questions and customer messages of one contact
create index ix_message_kind on message (contact_id, direction, kind);

-- KPI facts of contacts whose detail the retention job deleted, summed per shop-local day of
-- receipt and per channel, team and topic ('' when the contact had none). The live queries
-- compute the same sums from the detail; a period's KPIs add both.
create table kpi_day (
  report_day        date        not null,
  channel           varchar(20) not null,
  team              varchar(60) not null,
  topic             varchar(20) not null,
  contacts          bigint      not null,
  -- cases that ended (RESOLVED or CLOSED), and those resolved in the first contact
  finished          bigint      not null,
  first_contact_resolved bigint not null,
  -- reply deadlines decided (met or missed) and met
  sla_decided       bigint      not null,
  sla_met           bigint      not null,
  -- survey answers: CSAT 1-5, NPS 0-10, CES 1-7
  surveys           bigint      not null,
  csat_sum          bigint      not null,
  csat_satisfied    bigint      not null,
  ces_sum           bigint      not null,
  promoters         bigint      not null,
  passives          bigint      not null,
  detractors        bigint      not null,
  constraint pk_kpi_day primary key (report_day, channel, team, topic)
);

-- first reply times are kept as a histogram (working minutes -> contacts): percentiles of a
-- period are exact over any set of days, which averages of daily medians would not be
create table kpi_day_first_reply (
  report_day        date        not null,
  channel           varchar(20) not null,
  team              varchar(60) not null,
  topic             varchar(20) not null,
  working_minutes   bigint      not null,
  contacts          bigint      not null,
  constraint pk_kpi_day_first_reply primary key (report_day, channel, team, topic, working_minutes)
);

create table kpi_day_return_reason (
  report_day        date        not null,
  channel           varchar(20) not null,
  team              varchar(60) not null,
  topic             varchar(20) not null,
  reason            varchar(40) not null,
  returns           bigint      not null,
  constraint pk_kpi_day_return_reason primary key (report_day, channel, team, topic, reason)
);

-- one row per retention job: locked while it runs (one node of a cluster at a time) and
-- telling when it last ran and how much it removed
create table retention_run (
  name              varchar(40) primary key,
  last_run_at       timestamp with time zone,
  last_cutoff       timestamp with time zone,
  contacts_deleted  bigint      not null
);
insert into retention_run (name, last_run_at, last_cutoff, contacts_deleted) values ('closed-contacts', null, null, 0);
