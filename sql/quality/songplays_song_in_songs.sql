-- songplays: a matched play's song_id and artist_id are rows of songs and artists, and they belong together.
-- why: Redshift does not enforce the foreign keys; a dangling id would count plays for a song nobody can name.
-- scope: the facts of @days_from_ms/@days_to_ms: all time, or after a daily Transform the changed days, when
--      nothing else was written since the last passing Verify (docs/reruns.md, "A scoped daily Verify").
select s.songplay_id, s.song_id, s.artist_id
from songplays s
left join songs g on g.song_id = s.song_id
left join artists a on a.artist_id = s.artist_id
where s.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
  and s.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
  and ((s.song_id is not null and (g.song_id is null or g.artist_id <> s.artist_id))
       or (s.artist_id is not null and a.artist_id is null)
       or (s.song_id is null and s.artist_id is not null))
