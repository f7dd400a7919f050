-- Long texts (ADR 0044: a unit's result or proposal, a report, an item report, a response note,
-- mid-term findings) now reach their 8,000 characters through task forms. The trails record each
-- with what precedes or follows it (the reply's number and date, the item and period, the
-- findings' outcome), so 8,000 was too few for the dispatch trail and 4,000 (the research
-- trail cut the rest) for the research trail.
alter table document_trail alter column comment_text set data type varchar(9000);
alter table research_trail alter column detail set data type varchar(9000);
