-- Reports (issue 15). The handling report joins duties to the documents that arrived in a range
-- (ix_incoming_document_received, ix_assignment_document serve that); these two serve what is
-- asked across all dates: open duties by deadline (the overdue list, what is due in the next five
-- working days) and one unit's duties. Runs unchanged on H2 2.x and PostgreSQL.
create index ix_assignment_due on document_assignment (due_at, completed_at);
create index ix_assignment_unit_document on document_assignment (unit_id, document_id);
