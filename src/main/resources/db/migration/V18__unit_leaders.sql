-- Unit heads and deputies (issue #17, the processing slip's second part: the head of the unit
-- names a handler). A unit has at most one head and any number of deputies; a leader must be a
-- member of the unit's group (checked by the application, the group lives in Camunda's tables).
create table unit_leader (
  unit varchar(64) not null,
  user_id varchar(64) not null,
  role varchar(16) not null,
  updated_by varchar(64),
  updated_at timestamp,
  constraint pk_unit_leader primary key (unit, user_id),
  constraint ck_unit_leader_role check (role in ('HEAD', 'DEPUTY'))
);
create index ix_unit_leader_user on unit_leader (user_id);
