-- songplays: every play's start_time is a row of time.
-- why: Redshift does not enforce the foreign key; a play without its time row drops out of calendar reports.
-- scope: the facts of @days_from_ms/@days_to_ms: all time, or after a daily Transform the changed days, when
--      nothing else was written since the last passing Verify (docs/reruns.md, "A scoped daily Verify").
select s.songplay_id, s.start_time
from songplays s
where s.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
  and s.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
  and not exists (select 1 from time t where t.start_time = s.start_time)
