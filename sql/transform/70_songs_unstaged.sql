-- songs: a full run deletes the songs staging no longer holds (not among 30_songs.sql's rows); a window run keeps them.
-- why: a full run leaves the star schema equal to a fresh build from what is staged (docs/reruns.md); no fact
--      points at them, because 40_songplays_staged.sql matches only this run's songs.
delete from songs
where @full = 1
  and not exists (select 1 from transform_songs t where t.song_id = songs.song_id)
