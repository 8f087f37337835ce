-- songplays: a matched play's song_id and artist_id are rows of songs and artists, and they belong together.
-- why: Redshift does not enforce the foreign keys; a dangling id would count plays for a song nobody can name.
select s.songplay_id, s.song_id, s.artist_id
from songplays s
left join songs g on g.song_id = s.song_id
left join artists a on a.artist_id = s.artist_id
where (s.song_id is not null and (g.song_id is null or g.artist_id <> s.artist_id))
   or (s.artist_id is not null and a.artist_id is null)
   or (s.song_id is null and s.artist_id is not null)
