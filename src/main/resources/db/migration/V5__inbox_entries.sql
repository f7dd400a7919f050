-- The inbox's read model (ADR 0010): one row per open user task and the party it waits for,
-- 'g:' and a candidate group while nobody has claimed it, 'u:' and the assignee once claimed.
-- Written in the engine's own transaction by the task events, so it is never ahead of or behind
-- the tasks; the index reads a director's first page in the inbox's order without a sort.
create table inbox_entry (
  task_id     varchar(64)  not null,
  party       varchar(260) not null,
  priority    integer      not null,
  due_date    timestamp,
  create_time timestamp    not null,
  primary key (task_id, party)
);
create index ix_inbox_entry_order on inbox_entry (party, priority desc, due_date, create_time, task_id);

-- Tasks that were open before the read model existed are entered once, at the next start-up.
create table read_model_state (
  name  varchar(32) primary key,
  built boolean     not null
);
insert into read_model_state (name, built) values ('inbox', false);
