-- songplays: one row per NextSong event of the window, keyed by (session_id, item_in_session, user_id); the
--            window's facts are replaced by a merge: vanished keys deleted, changed rows updated, new keys inserted.
-- why: a merge keeps songplay_id stable, so re-running a window changes nothing. song_id and artist_id come
--      from a song whose title, artist name and duration all equal the event's song, artist and length (exact
--      double equality: both sides come from the same JSON numbers, and the real sample's one match is exact);
--      NULL when none does; several matching songs resolve to the smallest song_id. level is the event's own,
--      the user's level at the time of the play. An event staged twice keeps its earliest copy.
drop table if exists transform_songplays;

create temp table transform_songplays as
select
    timestamp 'epoch' + (p.ts / 1000) * interval '1 second' + (p.ts % 1000) * interval '1 millisecond' as start_time,
    p.user_id,
    p.level,
    m.song_id,
    m.artist_id,
    p.session_id,
    p.item_in_session,
    nullif(p.location, '') as location,
    nullif(p.user_agent, '') as user_agent
from (
    select
        e.ts,
        e.user_id,
        e.level,
        e.song,
        e.artist,
        e.length,
        e.session_id,
        e.item_in_session,
        e.location,
        e.user_agent,
        row_number() over (
            partition by e.session_id, e.item_in_session, e.user_id
            order by e.ts, e.level, e.song, e.artist, e.length, e.location, e.user_agent
        ) as row_rank
    from staging_events e
    where e.page = 'NextSong'
      and e.ts >= @from_ms and e.ts < @to_ms
      and e.user_id <> ''
      and e.session_id is not null
      and e.item_in_session is not null
      and e.level is not null
) p
left join (
    select c.title, c.artist_name, c.duration, c.song_id, c.artist_id
    from (
        select
            ss.title,
            ss.artist_name,
            ss.duration,
            s.song_id,
            s.artist_id,
            row_number() over (partition by ss.title, ss.artist_name, ss.duration order by s.song_id) as row_rank
        from staging_songs ss
        join songs s on s.song_id = ss.song_id
    ) c
    where c.row_rank = 1
) m on m.title = p.song and m.artist_name = p.artist and m.duration = p.length
where p.row_rank = 1;

analyze transform_songplays;

delete from songplays
where songplays.start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
  and songplays.start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
  and not exists (
      select 1
      from transform_songplays t
      where t.session_id = songplays.session_id
        and t.item_in_session = songplays.item_in_session
        and t.user_id = songplays.user_id
  );

update songplays
set
    start_time = t.start_time,
    level = t.level,
    song_id = t.song_id,
    artist_id = t.artist_id,
    location = t.location,
    user_agent = t.user_agent
from transform_songplays t
where songplays.session_id = t.session_id
  and songplays.item_in_session = t.item_in_session
  and songplays.user_id = t.user_id
  and (
      songplays.start_time <> t.start_time
      or songplays.level <> t.level
      or coalesce(songplays.song_id, '') <> coalesce(t.song_id, '')
      or coalesce(songplays.artist_id, '') <> coalesce(t.artist_id, '')
      or coalesce(songplays.location, '') <> coalesce(t.location, '')
      or coalesce(songplays.user_agent, '') <> coalesce(t.user_agent, '')
  );

insert into songplays (start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location, user_agent)
select t.start_time, t.user_id, t.level, t.song_id, t.artist_id, t.session_id, t.item_in_session, t.location, t.user_agent
from transform_songplays t
where not exists (
    select 1
    from songplays s
    where s.session_id = t.session_id
      and s.item_in_session = t.item_in_session
      and s.user_id = t.user_id
);

drop table transform_songplays;
