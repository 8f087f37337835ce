-- staging_changes: every change StageCopy made to staging that no Transform has consumed yet, one row per object.
-- why: a Transform without --from/--to recomputes only what these objects touch (docs/reruns.md, "Daily runs");
--      day_from/day_to are the UTC days of the object's old and new rows together, NULL when unknown.
select c.run_id, c.table_name, c.object_key, c.change, c.day_from, c.day_to
from staging_changes c
order by c.run_id, c.table_name, c.object_key
