-- The processing slip's second and third parts (Decree 30/2020 Art. 10, 12, 23-24; App. IV;
-- issue 17): the unit head names a handler with an internal deadline (not later than the unit's)
-- and a note; the handler proposes the unit's result; the head or a deputy approves it before it
-- goes up, or returns it with a comment. One unit's duty keeps one row: the latest handler,
-- proposal and review are here, every earlier one in the document's trail.
alter table document_assignment add column handler varchar(64);
alter table document_assignment add column handler_due_at timestamp with time zone;
alter table document_assignment add column handler_note varchar(2000);
alter table document_assignment add column handler_assigned_by varchar(64);
alter table document_assignment add column handler_assigned_at timestamp with time zone;
alter table document_assignment add column proposal varchar(8000);
alter table document_assignment add column proposal_reply_number varchar(100);
alter table document_assignment add column proposal_reply_date date;
alter table document_assignment add column proposed_at timestamp with time zone;
alter table document_assignment add column proposal_approved boolean;
alter table document_assignment add column proposal_comment varchar(4000);
alter table document_assignment add column proposal_reviewed_by varchar(64);
alter table document_assignment add column proposal_reviewed_at timestamp with time zone;
create index ix_assignment_handler on document_assignment (handler);
