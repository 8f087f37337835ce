-- Which catalogue songs are played most (plays matched to a song of the catalogue)?
-- grain: one row per song, the ten with the most plays; ties broken by title so the order is stable.
-- why: unmatched plays have no song_id, so they cannot name a song; the report shows this ranking only when enough
--      plays matched for it to describe listening rather than the catalogue's coverage (ReportSections.MeaningfulMatchPct).
-- speed: the matched plays are counted per (song, listener) first, by hashing, so listeners are the groups of each
--      song; count(distinct) sorted every matched play (issue 29: about 0.6 of the query's time at scale 100).
select
    s.title as song,
    a.name as artist,
    cast(sum(p.plays) as bigint) as plays,
    count(*) as listeners
from (
    select sp.song_id, sp.user_id, count(*) as plays
    from songplays as sp
    where sp.song_id is not null
    group by sp.song_id, sp.user_id
) as p
join songs as s on s.song_id = p.song_id
join artists as a on a.artist_id = s.artist_id
group by s.song_id, s.title, a.name
order by plays desc, song, artist
limit 10
