-- Proactive shipment messages (issue 6, section 5; SPEC R5). V6/V7 belong to routing and
-- reporting, V8 to communication (it created customer_order and shipment_event), V10+ to the lead.
-- Written once for H2 and PostgreSQL (types both understand).

-- a contact careflow opened itself (a delayed shipment an agent checks), not one the customer
-- made: it has deadlines, events and a timeline like every case, and the KPIs leave it out of
-- contact counts (contacts, FCR, first reply, per channel / topic) with "where proactive = false"
alter table contact add column proactive boolean default false not null;
-- the contacts that named an order, newest first: they lead from the order to its customer
create index ix_contact_order on contact (order_id, received_at);

-- what the carrier event carried beyond V8's columns, and what became of it
alter table shipment_event add column customer_email varchar(320);
alter table shipment_event add column customer_phone varchar(40);
alter table shipment_event add column received_by varchar(100);
alter table shipment_event add column process_instance_id varchar(64);
