-- songs: no empty string where NULL belongs.
-- why: '' and NULL group and count differently; one spelling of "unknown" keeps reports honest.
select s.song_id
from songs s
where s.song_id = '' or s.title = '' or s.artist_id = ''
