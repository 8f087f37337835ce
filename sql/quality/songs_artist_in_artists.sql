-- songs: every song's artist_id is a row of artists.
-- why: Redshift does not enforce the foreign key.
select s.song_id, s.artist_id
from songs s
where not exists (select 1 from artists a where a.artist_id = s.artist_id)
