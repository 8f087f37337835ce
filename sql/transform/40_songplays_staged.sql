-- songplays (work table): one row per NextSong event of the scope, keyed by (session_id, item_in_session, user_id),
--            with its matched song; 42_time_unused.sql, 45_time.sql and 50_songplays.sql read it, so the events are
--            filtered once.
-- why: song_id and artist_id come from a song whose title, artist name and duration all equal the event's song,
--      artist and length (exact double equality: both sides come from the same JSON numbers, and the real sample's
--      one match is exact); NULL when none does; several matching songs resolve to the smallest song_id. Only the
--      songs this run staged (30_songs.sql's work table) match, so a full run never points at a song it deletes.
--      level, song_title and artist_name are the event's own: the user's level at the time of the play, and the title
--      and artist it names, matched or not. An event staged twice keeps its earliest copy. start_time is built from
--      epoch milliseconds as whole seconds plus whole milliseconds, integer arithmetic that keeps the milliseconds
--      exactly on PostgreSQL and Redshift alike (ts / 1000.0 would go through a numeric of engine-dependent scale).
--      songplay_id is the fact's id when the key is in songplays already, and time_present says whether time has
--      the start_time: both read before those tables change, so no later insert anti-joins the table it fills
--      (10_users.sql says why). Both rankings keep "row_rank < 2", not "= 1": PostgreSQL estimates an equality on a
--      window's output at half a percent of its rows, and then joined songplays and time by nested loops (4.7 s
--      instead of 3.2 s for this statement on a rerun at scale 100), while for "< 2" it keeps the estimate of every
--      row and hashes. One statement, where a ranked work table used to be copied into a second one, saves writing
--      0.7 million rows (issue 13). Analyzed: the planner must know the table's size, and the columns later
--      statements join and filter on; statistics of the wide text columns plan nothing (about 0.1 s at scale 100).
--      The events are the run's (transform_events: all of staging_events, or a daily run's from its first changed
--      day on); a daily run (@ranged = 1) keeps those of its changed days (transform_days). With @ranged = 0 the
--      engine folds that condition away.
create temp table transform_songplays as
select
    p.start_time,
    p.user_id,
    p.level,
    m.song_id,
    m.artist_id,
    p.session_id,
    p.item_in_session,
    nullif(p.location, '') as location,
    nullif(p.user_agent, '') as user_agent,
    nullif(p.song, '') as song_title,
    nullif(p.artist, '') as artist_name,
    f.songplay_id,
    case when tt.start_time is null then 0 else 1 end as time_present
from (
    select
        timestamp 'epoch' + (e.ts / 1000) * interval '1 second' + (e.ts % 1000) * interval '1 millisecond' as start_time,
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
    from transform_events e
    where e.page = 'NextSong'
      and e.ts >= @from_ms and e.ts < @to_ms
      and (@ranged = 0 or exists (select 1 from transform_days d where e.ts >= d.from_ms and e.ts < d.to_ms))
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
        join transform_songs s on s.song_id = ss.song_id
    ) c
    where c.row_rank < 2
) m on m.title = p.song and m.artist_name = p.artist and m.duration = p.length
left join songplays f on f.session_id = p.session_id and f.item_in_session = p.item_in_session and f.user_id = p.user_id
left join time tt on tt.start_time = p.start_time
where p.row_rank < 2;

analyze transform_songplays (songplay_id, start_time, time_present);
