-- songplays: no empty string where NULL belongs.
-- why: '' and NULL group and count differently; one spelling of "unknown" keeps reports honest.
select s.songplay_id
from songplays s
where s.user_id = '' or s.level = '' or s.song_id = '' or s.artist_id = '' or s.location = '' or s.user_agent = ''
   or s.song_title = '' or s.artist_name = ''
