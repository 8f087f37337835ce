-- Which catalogue songs are played most (plays matched to a song of the catalogue)?
-- grain: one row per song, the ten with the most plays; ties broken by title so the order is stable.
-- why: unmatched plays have no song_id, so they cannot name a song; the report shows this ranking only when enough
--      plays matched for it to describe listening rather than the catalogue's coverage (ReportSections.MeaningfulMatchPct).
select
    s.title as song,
    a.name as artist,
    count(*) as plays,
    count(distinct sp.user_id) as listeners
from songplays as sp
join songs as s on s.song_id = sp.song_id
join artists as a on a.artist_id = s.artist_id
group by s.song_id, s.title, a.name
order by plays desc, song, artist
limit 10
