-- Investigators (chủ nhiệm đề tài) are users of their host organisation, created by the Science
-- Management Division (issue 18, ADR 0023): the Camunda user holds name, e-mail and password and is
-- a member of chu-nhiem only; this table keeps the organisation and who created the account.
create table investigator_account (
  user_id varchar(64) primary key,
  full_name varchar(200) not null,
  email varchar(254) not null,
  organisation varchar(300) not null,
  created_by varchar(64) not null,
  created_at timestamp with time zone not null
);
