-- Correct, recall, replace (issue 14, ADR 0015). Runs unchanged on H2 2.x and PostgreSQL.

-- A registration that replaces an earlier document, and the earlier document's replacement.
alter table incoming_document add column replaces_id bigint;
alter table incoming_document add column replaced_by_id bigint;

-- A trail entry about another document (replaced by / replaces) links to it.
alter table document_trail add column related_document_id bigint;

-- The fields a correction changed, old -> new, on the correction's trail entry.
create table document_trail_change (
  trail_id   bigint       not null,
  position   integer      not null,
  field_name varchar(64)  not null,
  old_value  varchar(2000),
  new_value  varchar(2000),
  constraint pk_document_trail_change primary key (trail_id, position),
  constraint fk_trail_change_trail foreign key (trail_id) references document_trail (id)
);
