-- The issue-27 contract's ledger tables, until the ledger branch's DDL lands (then every statement here is a no-op).
create table if not exists load_ledger (
    table_name varchar(64) not null, source varchar(1024) not null, object_key varchar(1024) not null,
    object_id bigint not null, content_id varchar(128) not null, size_bytes bigint not null, status varchar(16) not null,
    run_id varchar(64) not null, rows_loaded bigint not null, rejected bigint not null, loaded_at timestamp not null,
    day_from date, day_to date, load_group bigint
);
create table if not exists staging_changes (
    run_id varchar(64) not null, table_name varchar(64) not null, object_key varchar(1024) not null,
    change varchar(16) not null, day_from date, day_to date
);
alter table staging_events add column if not exists object_id bigint;
alter table staging_songs add column if not exists object_id bigint;
