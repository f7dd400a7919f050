-- Closing a year's outgoing register (khóa sổ văn bản đi, ADR 0028): one row per year and
-- series, with the series' last number when the registry closed it. From then on nothing more is
-- numbered into that year. Runs unchanged on H2 2.x and PostgreSQL.
create table outgoing_register_closure (
  doc_year       integer      not null,
  series         varchar(32)  not null,
  last_number    integer      not null,
  closed_by      varchar(64)  not null,
  closed_by_name varchar(200) not null,
  closed_on      date         not null,
  closed_at      timestamp with time zone not null,
  constraint pk_outgoing_register_closure primary key (doc_year, series)
);
