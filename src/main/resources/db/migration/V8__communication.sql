-- Talking to the customer both ways (issue 6). V6 and V7 belong to routing and reporting.

-- a message careflow sends on its own knows where it came from (process instance and step),
-- so a retried step finds the unsent message again instead of writing a second one
alter table message add column source varchar(200);
create index ix_message_source on message (source);
-- proactive messages (shipment tracking) belong to a customer, not to a contact
alter table message add column customer_id varchar(36);
alter table message alter column contact_id drop not null;

-- what came with an e-mail: kept as metadata only, never the content; on the contact (its
-- first e-mail) or on a later message of the customer
create table message_attachment (
  id          varchar(36)  primary key,
  contact_id  varchar(36)  not null references contact (id),
  message_id  varchar(36)  references message (id),
  file_name   varchar(300),
  media_type  varchar(200),
  size_bytes  bigint,
  accepted    boolean      not null,
  created_at  timestamp with time zone not null
);
create index ix_message_attachment_contact on message_attachment (contact_id);

-- orders lead to customers: named in a contact, or carried by a carrier event
create table customer_order (
  order_id     varchar(100) primary key,
  customer_id  varchar(36)  not null references customer (id),
  linked_at    timestamp with time zone not null
);

-- carrier events; the same event twice is stored (and told) once
create table shipment_event (
  id                 varchar(36)  primary key,
  tracking_id        varchar(100) not null,
  order_id           varchar(100) not null,
  status             varchar(30)  not null,
  occurred_at        timestamp with time zone not null,
  expected_delivery  timestamp with time zone,
  customer_id        varchar(36)  not null references customer (id),
  received_at        timestamp with time zone not null,
  constraint uq_shipment_event unique (tracking_id, status, occurred_at)
);
create index ix_shipment_event_order on shipment_event (order_id);

-- follow-ups are executed: sent, done (a call), or cancelled by a newer contact
alter table follow_up add column completed_at timestamp with time zone;
alter table follow_up add column cancel_reason varchar(500);

-- the HTML of a message careflow rendered, so a retry sends exactly what was recorded
alter table message add column body_html varchar(200000);

-- planned messages go out between 08:00 and 20:00 where the customer lives (default: the shop's zone)
alter table customer add column time_zone varchar(60);
