-- songplays: level (the user's level at the time of the play) is 'free' or 'paid'.
-- why: the only two subscription levels; anything else is a load or mapping error.
-- scope: the facts of @days_from_ms/@days_to_ms: all time, or after a daily Transform the changed days, when
--      nothing else was written since the last passing Verify (docs/reruns.md, "A scoped daily Verify").
select s.songplay_id, s.level
from songplays s
where s.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
  and s.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
  and (s.level is null or s.level not in ('free', 'paid'))
