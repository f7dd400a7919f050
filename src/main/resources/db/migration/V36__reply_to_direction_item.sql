-- A reply may answer one direction item of the incoming document (ADR 0033): the outgoing
-- draft names the item, and once the reply is issued the item keeps the reply's number and date
-- for its line in the tracking register (cleared again when the reply is recalled or replaced).
-- Runs unchanged on H2 2.x and PostgreSQL.
alter table outgoing_document add column reply_to_item_id bigint;
alter table direction_item add column reply_number varchar(100);
alter table direction_item add column reply_date date;
