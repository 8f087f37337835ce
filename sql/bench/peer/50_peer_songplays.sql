-- peer songplays: one row per NextSong event, LEFT JOIN to the songs on title, artist name and duration (the plain
--                 reference: no merge, no deduplication of events, no foreign keys).
-- why: the issue's yardstick for the project's Transform (issue 13): what five INSERT … SELECT cost on this server.
insert into peer_songplays (start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location, user_agent,
    song_title, artist_name)
select
    timestamp 'epoch' + (e.ts / 1000) * interval '1 second' + (e.ts % 1000) * interval '1 millisecond',
    e.user_id,
    e.level,
    m.song_id,
    m.artist_id,
    e.session_id,
    e.item_in_session,
    nullif(e.location, ''),
    nullif(e.user_agent, ''),
    nullif(e.song, ''),
    nullif(e.artist, '')
from staging_events e
left join (
    select c.title, c.artist_name, c.duration, c.song_id, c.artist_id
    from (
        select
            s.title,
            s.artist_name,
            s.duration,
            s.song_id,
            s.artist_id,
            row_number() over (partition by s.title, s.artist_name, s.duration order by s.song_id) as row_rank
        from staging_songs s
    ) c
    where c.row_rank = 1
) m on m.title = e.song and m.artist_name = e.artist and m.duration = e.length
where e.page = 'NextSong'
  and e.user_id <> ''
  and e.session_id is not null
  and e.item_in_session is not null
  and e.level is not null
