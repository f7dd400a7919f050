-- The outgoing document that answers a unit's duty (số, ký hiệu và ngày văn bản trả lời):
-- the tracking register's reply column, given with the unit's result (issue 15).
alter table document_assignment add column reply_number varchar(100);
alter table document_assignment add column reply_date date;
