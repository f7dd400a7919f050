-- Texts people type in task forms may have up to 4,000 characters (Variable.MAX_TEXT, the
-- engine's string column). These columns kept them in fewer, so a longer comment failed the
-- completion with a database error (500) instead of being stored. Widened to what the form
-- accepts; composed texts (a council's reasons, a trail entry with its prefix) to 8,000.
alter table research_task alter column missing_items set data type varchar(4000);
alter table research_task alter column verdict_reasons set data type varchar(8000);
alter table research_task alter column closing_reason set data type varchar(8000);
alter table research_report alter column review_comment set data type varchar(4000);
alter table extension_request alter column decision_comment set data type varchar(4000);
alter table council_member alter column conflict_note set data type varchar(4000);
alter table outgoing_trail alter column comment_text set data type varchar(8000);
-- a research task's search text joins its code, title, field, host and investigator: up to
-- 1,244 characters with every field at its limit, over the 1,200 it had
alter table research_task alter column search_text set data type varchar(2000);
