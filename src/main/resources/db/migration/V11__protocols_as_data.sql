-- Protocols as data: topics are whatever the deployed classification table names (codes of up
-- to 60 characters, like team and protocol), not a fixed list of four.
alter table contact alter column topic_hint set data type varchar(60);
alter table contact alter column topic set data type varchar(60);
alter table kpi_day alter column topic set data type varchar(60);
alter table kpi_day_first_reply alter column topic set data type varchar(60);
alter table kpi_day_return_reason alter column topic set data type varchar(60);

-- which row of sla-policy.dmn gave the deadline its target (rule id and the designer's
-- description, as they were then): the manager's answer to "which deadline applied?"
alter table deadline add column policy_rule varchar(200);
alter table deadline add column policy_description varchar(1000);

-- a case a protocol opened for the same customer (e.g. a call-back that turned out to be a
-- return) names the case it came from
alter table contact add column follows_contact_id varchar(36);

-- whether the deadline's watcher (deadline-watch.bpmn) runs: its timers replace those that
-- earlier models put on each guarded task; a deadline of before stays unwatched until a task
-- of a newer model joins it
alter table deadline add column watched boolean default false not null;
