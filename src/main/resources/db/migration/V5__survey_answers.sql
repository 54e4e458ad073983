-- Satisfaction survey after a resolved case (SPEC R5, R6): one answer per case.
-- CSAT 1-5, NPS 0-10, Customer Effort Score 1-7.
create table survey_answer (
  id           varchar(36)  primary key,
  contact_id   varchar(36)  not null references contact (id),
  csat         smallint     not null,
  nps          smallint     not null,
  ces          smallint     not null,
  comment      varchar(2000),
  answered_at  timestamp with time zone not null,
  constraint uq_survey_answer_contact unique (contact_id),
  constraint ck_survey_csat check (csat between 1 and 5),
  constraint ck_survey_nps check (nps between 0 and 10),
  constraint ck_survey_ces check (ces between 1 and 7)
);
create index ix_survey_answer_answered on survey_answer (answered_at);
