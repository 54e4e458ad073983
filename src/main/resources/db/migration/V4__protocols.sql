-- The protocols of SPEC R3 (V3 belongs to the customer record).

-- how the case ended, in the protocol's words (e.g. COMPLAINT_JUSTIFIED / REFUND 150),
-- and whether it was resolved in the first contact (the agent's judgement; KPIs refine it)
alter table contact add column outcome varchar(60);
alter table contact add column outcome_detail varchar(2000);
alter table contact add column first_contact_resolved boolean;
-- low / medium / high, set at triage or by the agent (communication style)
alter table contact add column dissatisfaction varchar(10);

-- the next communication with the customer, planned by the last agent task (SPEC R5)
create table follow_up (
  id           varchar(36)  primary key,
  contact_id   varchar(36)  not null references contact (id),
  type         varchar(30)  not null,
  planned_for  timestamp with time zone,
  note         varchar(2000),
  status       varchar(20)  not null,
  created_by   varchar(100) not null,
  created_at   timestamp with time zone not null
);
create index ix_follow_up_contact on follow_up (contact_id);
create index ix_follow_up_due on follow_up (status, planned_for);

-- links to small public pages for customers: signed, expiring, single use
create table public_link (
  id          varchar(36)  primary key,
  contact_id  varchar(36)  not null references contact (id),
  purpose     varchar(40)  not null,
  created_at  timestamp with time zone not null,
  expires_at  timestamp with time zone not null,
  used_at     timestamp with time zone
);
create index ix_public_link_contact on public_link (contact_id);

-- why customers send items back: data for the managers (SPEC R3, R6)
create table return_request (
  id           varchar(36)  primary key,
  contact_id   varchar(36)  not null references contact (id),
  reason       varchar(40)  not null,
  comment      varchar(2000),
  submitted_at timestamp with time zone not null,
  inspection   varchar(20),
  decision     varchar(20),
  decided_by   varchar(100),
  decided_at   timestamp with time zone
);
create index ix_return_request_contact on return_request (contact_id);
create index ix_return_request_reason on return_request (reason, submitted_at);

-- a defect replacement from request to shipment (SPEC R3)
create table replacement_request (
  id               varchar(36)  primary key,
  contact_id       varchar(36)  not null references contact (id),
  registered_by    varchar(100) not null,
  product_sku      varchar(100),
  order_id         varchar(100),
  fault            varchar(2000) not null,
  registered_at    timestamp with time zone not null,
  decision         varchar(20),
  decision_reason  varchar(2000),
  decided_by       varchar(100),
  decided_at       timestamp with time zone,
  tracking_number  varchar(100),
  shipped_at       timestamp with time zone
);
create index ix_replacement_request_contact on replacement_request (contact_id);
