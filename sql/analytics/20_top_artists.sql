-- Which artists are played most, by the artist name each play names?
-- grain: one row per artist as the event log spells it, the ten with the most plays; ties broken by name.
-- why: as for the top songs, each play's own artist comes from parts/play_titles.sql, so every play counts, matched
--      or not; songs counts the distinct titles played; matched: plays matched to the catalogue.
-- speed: the plays are read once (p); the ten artists are ranked by plays first, and their distinct titles and
--      listeners are counted for those ten only, instead of sorting every play of the warehouse by artist (issue 13).
with p as (
{{analytics/parts/play_titles.sql}}
),
t as (
    select coalesce(p.artist, '(not in staging)') as artist, count(*) as plays, count(p.song_id) as matched
    from p
    group by coalesce(p.artist, '(not in staging)')
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
    select ten.artist, count(distinct p.song) as songs, count(distinct p.user_id) as listeners
    from p
    join t as ten on ten.artist = coalesce(p.artist, '(not in staging)')
    group by ten.artist
) as l on l.artist = t.artist
order by t.plays desc, t.artist
