-- staging_scope: the one row (or none) saying what staging_events holds: day_from/day_to NULL = the whole source.
-- why: Transform and Verify without --from/--to follow it (docs/reruns.md); no row (staging loaded by another tool,
--      or never loaded) counts as the whole source.
select s.day_from, s.day_to, s.source, s.run_id
from staging_scope s
order by s.staged_at desc
