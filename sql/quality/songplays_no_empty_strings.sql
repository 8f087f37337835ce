-- songplays: no empty string where NULL belongs.
-- why: '' and NULL group and count differently; one spelling of "unknown" keeps reports honest.
-- scope: the facts of @days_from_ms/@days_to_ms: all time, or after a daily Transform the changed days, when
--      nothing else was written since the last passing Verify (docs/reruns.md, "A scoped daily Verify").
select s.songplay_id
from songplays s
where s.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
  and s.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
  and (s.user_id = '' or s.level = '' or s.song_id = '' or s.artist_id = '' or s.location = '' or s.user_agent = ''
       or s.song_title = '' or s.artist_name = '')
