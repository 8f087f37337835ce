-- songplays: one row per NextSong event of the scope, keyed by (session_id, item_in_session, user_id); the
--            scope's facts are replaced by a merge with 40_songplays_staged.sql's rows: vanished keys deleted,
--            changed rows updated, new keys inserted. A full run's scope is all time, so no fact of data that is no
--            longer staged remains.
-- why: 40_songplays_staged.sql carries the songplay_id of each key already there (read before songplays changes),
--      so the merge joins on the primary key and the insert takes the rows without one. A merge keeps songplay_id
--      stable for every fact that survives, so re-running a scope changes nothing. The update says "songplay_id is not
--      null" although the join implies it: then the planner sees that a day of new facts updates none (the analyzed
--      work table's songplay_id is all NULL) and probes the key, where it hashed all of songplays (1.7 s at scale
--      100). Not in a full run (@ranged = 0, @full = 1; the condition folds away): into empty tables the filter made
--      the planner scan all 0.7 million work rows for none, where the hash join over the empty songplays reads one
--      (0.25 s at scale 100, issue 29). A daily run's scope is its changed days (transform_days, @ranged = 1). After
--      only additions (@full = 0) the delete has nothing to find: every fact of the changed days keeps its staged
--      events, and keys_across_days.sql has made sure no key reaches outside them, so each is among the work table's
--      rows; it is skipped, which saves a scan of all songplays.
delete from songplays
where songplays.start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
  and songplays.start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
  and (@ranged = 0 or @full = 1)
  and (@ranged = 0 or exists (select 1 from transform_days d where songplays.start_time >= d.from_time and songplays.start_time < d.to_time))
  and not exists (select 1 from transform_songplays t where t.songplay_id = songplays.songplay_id);

update songplays
set
    start_time = t.start_time,
    level = t.level,
    song_id = t.song_id,
    artist_id = t.artist_id,
    location = t.location,
    user_agent = t.user_agent,
    song_title = t.song_title,
    artist_name = t.artist_name
from transform_songplays t
where songplays.songplay_id = t.songplay_id
  and (t.songplay_id is not null or (@ranged = 0 and @full = 1))
  and (
      songplays.start_time <> t.start_time
      or songplays.level <> t.level
      or coalesce(songplays.song_id, '') <> coalesce(t.song_id, '')
      or coalesce(songplays.artist_id, '') <> coalesce(t.artist_id, '')
      or coalesce(songplays.location, '') <> coalesce(t.location, '')
      or coalesce(songplays.user_agent, '') <> coalesce(t.user_agent, '')
      or coalesce(songplays.song_title, '') <> coalesce(t.song_title, '')
      or coalesce(songplays.artist_name, '') <> coalesce(t.artist_name, '')
  );

insert into songplays (start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location, user_agent,
    song_title, artist_name)
select t.start_time, t.user_id, t.level, t.song_id, t.artist_id, t.session_id, t.item_in_session, t.location, t.user_agent,
    t.song_title, t.artist_name
from transform_songplays t
where t.songplay_id is null;
