-- Which artists are played most, by the artist name each play names?
-- grain: one row per artist as the event log spells it, the ten with the most plays; ties broken by name.
-- why: as for the top songs, the play's own artist comes from staging_events by the play's natural key, so every
--      play counts, matched or not; songs counts the distinct titles played; matched: plays matched to the catalogue.
select
    coalesce(e.artist, '(not in staging)') as artist,
    count(*) as plays,
    count(distinct e.song) as songs,
    count(distinct sp.user_id) as listeners,
    count(sp.song_id) as matched,
    round(100.0 * count(sp.song_id) / count(*), 1) as matched_pct
from songplays as sp
left join (
    select r.session_id, r.item_in_session, r.user_id, r.song, r.artist
    from (
        select
            se.session_id,
            se.item_in_session,
            se.user_id,
            se.song,
            se.artist,
            row_number() over (partition by se.session_id, se.item_in_session, se.user_id order by se.ts, se.song, se.artist) as row_rank
        from staging_events as se
        where se.page = 'NextSong'
    ) as r
    where r.row_rank = 1
) as e on e.session_id = sp.session_id and e.item_in_session = sp.item_in_session and e.user_id = sp.user_id
group by coalesce(e.artist, '(not in staging)')
order by plays desc, artist
limit 10
