-- Research rules regimes (issue 18, ADR 0022). Every number the circulars set lives in a versioned
-- regime file (processes/research-rules/*.json) stored here by code; a research task is bound to
-- the regime in force when it was approved and keeps it. Runs unchanged on H2 2.x and PostgreSQL.
create table rules_regime (
  code           varchar(32)   not null primary key,
  effective_from date          not null,
  content        varchar(65535) not null,
  sha256         varchar(64)   not null,
  deployed_by    varchar(64)   not null,
  deployed_at    timestamp with time zone not null,
  revision       integer       not null
);

-- The regime a task follows (bound at submission, confirmed at the director's approval), the host
-- organisation's identity (tax code / identifier, not its name) and the months the one extension
-- or a mid-term schedule adjustment added.
alter table research_task add column rules_regime varchar(32);
alter table research_task add column rules_bound_at timestamp with time zone;
alter table research_task add column host_organisation_code varchar(20);
alter table research_task add column extended_months integer;

-- A refused extension does not use up the one extension (ADR 0022): a task may have several
-- requests, at most one pending or granted (enforced by the service under the task's row lock).
drop index uq_extension_request_task;
create index ix_extension_request_task on extension_request (research_task_id);

-- Restrictions carry a period and can be lifted by a director with a reason. For organisations,
-- subject_key is now the tax code; rows from before keep their folded name and get the period
-- counted from when they were made.
alter table restriction add column until_date date;
alter table restriction add column lifted_by varchar(64);
alter table restriction add column lifted_at timestamp with time zone;
alter table restriction add column lift_reason varchar(1000);
update restriction set until_date = cast(created_at + interval '2' year as date);
alter table restriction alter column until_date set not null;
