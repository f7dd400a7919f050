-- Decree 30/2020 Appendix VI fields the registration lacked, and the closing of a year's register.
-- Runs unchanged on H2 2.x and PostgreSQL.

-- Language of the document (ngôn ngữ), Vietnamese unless the clerk says otherwise.
alter table incoming_document add column language varchar(100) default 'Tiếng Việt' not null;
-- The deadline the document itself sets (hạn giải quyết, edXML DueDate); not the Department's
-- own handling deadline (due_at), which the leader's direction sets.
alter table incoming_document add column document_due_date date;
-- The signer's position and name as two fields. The old one-field text is kept whole as the name:
-- earlier registrations wrote it both as "name, position" and "position, name", so a split could
-- not be told right from wrong.
alter table incoming_document add column signer_position varchar(200);
alter table incoming_document add column signer_name varchar(200);
update incoming_document set signer_name = signer;
alter table incoming_document drop column signer;
-- the signer now belongs to the folded search text as well
alter table incoming_document alter column search_text set data type varchar(2000);

-- A closed register (khóa sổ): one row per year and series. The registry clerk asks (closed_by,
-- requested_at), a director confirms (confirmed_by, closed_at); from the request on nothing more
-- is registered or imported into that year and series. last_number is the register's last
-- incoming number when it was asked to close.
create table register_closure (
  doc_year          integer      not null,
  series            varchar(16)  not null,
  last_number       integer      not null,
  closed_by         varchar(64)  not null,
  closed_by_name    varchar(200),
  requested_at      timestamp with time zone not null,
  confirmed_by      varchar(64),
  confirmed_by_name varchar(200),
  closed_at         timestamp with time zone,
  constraint pk_register_closure primary key (doc_year, series)
);
