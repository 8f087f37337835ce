-- table marks: one row per named table of the current schema: its identity (oid), how many statements wrote it
--              (etl_writes) and whether its counting trigger is enabled.
-- why: the stamp of a step compares these (etl_stamps); a table dropped and made again has a new oid, and one whose
--      trigger is disabled or missing cannot say whether it was written, so the step runs.
select
    c.relname,
    c.oid::bigint as identity,
    coalesce(w.writes, 0) as writes,
    exists (
        select 1 from pg_trigger t
        where t.tgrelid = c.oid and t.tgname = 'etl_writes_counted' and t.tgenabled = 'O'
    ) as counted
from pg_class c
left join etl_writes w on w.table_name = c.relname
where c.relnamespace = current_schema()::regnamespace
  and c.relkind = 'r'
  and c.relname = any(@tables)
order by c.relname
