-- etl_writes: one row per pipeline table: how many statements have written it (insert, update, delete, truncate,
--             COPY), counted by a statement trigger on each table, whoever wrote.
-- why: a step is skipped as up to date only when nothing it reads or writes was written since it last ran
--      (etl_stamps, docs/reruns.md). A count per statement, not per row, costs one upsert per statement. The function
--      runs as its owner, so a write by another role is counted too, never refused. PostgreSQL only: Redshift has no
--      triggers, and there every step always runs.
create table if not exists etl_writes (
    table_name  varchar(64)  not null,
    writes      bigint       not null,
    primary key (table_name)
);

create or replace function etl_writes_counted() returns trigger
language plpgsql security definer set search_path from current as $$
begin
    insert into etl_writes (table_name, writes) values (tg_table_name, 1)
    on conflict (table_name) do update set writes = etl_writes.writes + 1;
    return null;
end
$$;

create or replace trigger etl_writes_counted after insert or update or delete or truncate on staging_events for each statement execute function etl_writes_counted();
create or replace trigger etl_writes_counted after insert or update or delete or truncate on staging_songs for each statement execute function etl_writes_counted();
create or replace trigger etl_writes_counted after insert or update or delete or truncate on staging_scope for each statement execute function etl_writes_counted();
create or replace trigger etl_writes_counted after insert or update or delete or truncate on users for each statement execute function etl_writes_counted();
create or replace trigger etl_writes_counted after insert or update or delete or truncate on artists for each statement execute function etl_writes_counted();
create or replace trigger etl_writes_counted after insert or update or delete or truncate on songs for each statement execute function etl_writes_counted();
create or replace trigger etl_writes_counted after insert or update or delete or truncate on time for each statement execute function etl_writes_counted();
create or replace trigger etl_writes_counted after insert or update or delete or truncate on songplays for each statement execute function etl_writes_counted()
