-- row estimates: one row per star-schema table, the planner's row count (reltuples; -1 before any analyze).
-- why: Transform analyzes a table whose size one of its statements changed by a tenth or more, so the next
--      statements are planned for the table as it is now (issue 11: plans made for an empty table took minutes).
select c.relname as table_name, cast(c.reltuples as bigint) as row_estimate
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = current_schema()
  and c.relkind = 'r'
  and c.relname in ('songplays', 'users', 'songs', 'artists', 'time')
