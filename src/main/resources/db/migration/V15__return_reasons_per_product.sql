-- return reasons per product and product category (SPEC R6): a day whose contacts the retention
-- deleted keeps the product each return was about ('' when the contact named none); the category
-- is not stored — it is the product-category table of routing.dmn, read when the KPIs are asked
alter table kpi_day_return_reason add column product_sku varchar(100) default '' not null;
alter table kpi_day_return_reason drop constraint pk_kpi_day_return_reason;
alter table kpi_day_return_reason add constraint pk_kpi_day_return_reason
  primary key (report_day, channel, team, topic, reason, product_sku);
