-- time: every row is the start_time of at least one songplay (one row per distinct songplay start_time).
-- why: stale calendar rows would make time disagree with the fact it describes.
-- scope: the facts of @days_from_ms/@days_to_ms: all time, or after a daily Transform the changed days, when
--      nothing else was written since the last passing Verify (docs/reruns.md, "A scoped daily Verify").
select t.start_time
from time t
where t.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
  and t.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
  and not exists (select 1 from songplays s where s.start_time = t.start_time)
