-- artists: a full run deletes the artists staging no longer holds (not among 20_artists.sql's rows); a window run keeps them.
-- why: a fresh build from what is staged would not have them; the songs and facts that named them are gone already
--      (70_songs_unstaged.sql, and every kept song's artist is a staged one).
delete from artists
where @full = 1
  and not exists (select 1 from transform_artists t where t.artist_id = artists.artist_id)
