-- staging changes: one row per object added, changed or removed by this load, with the days of its old and new rows.
-- why: Transform recomputes only what changed; reloaded objects are the same rows again and are not listed.
insert into staging_changes (run_id, table_name, object_key, change, day_from, day_to)
select
    @run_id,
    @table_name,
    o.object_key,
    o.change,
    o.change_day_from,
    o.change_day_to
from load_objects as o
where o.change in ('added', 'changed', 'removed')
