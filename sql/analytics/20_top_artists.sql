-- Which artists are played most, by the artist name each play names?
-- grain: one row per artist as the event log spells it, the ten with the most plays; ties broken by name.
-- why: as for the top songs, each play's own artist is songplays.artist_name, so every play counts, matched or not;
--      "(no artist)" for a play whose event named none. songs counts the distinct titles played; matched: plays
--      matched to the catalogue.
-- speed: the ten artists are ranked by plays first, and their distinct titles and listeners are counted for those
--      ten only, instead of sorting every play of the warehouse by artist (issue 13).
with t as (
    select coalesce(sp.artist_name, '(no artist)') as artist, count(*) as plays, count(sp.song_id) as matched
    from songplays as sp
    group by coalesce(sp.artist_name, '(no artist)')
    order by plays desc, artist
    limit 10
)
select
    t.artist,
    t.plays,
    l.songs,
    l.listeners,
    t.matched,
    round(100.0 * t.matched / t.plays, 1) as matched_pct
from t
join (
    select ten.artist, count(distinct sp.song_title) as songs, count(distinct sp.user_id) as listeners
    from songplays as sp
    join t as ten on ten.artist = coalesce(sp.artist_name, '(no artist)')
    group by ten.artist
) as l on l.artist = t.artist
order by t.plays desc, t.artist
