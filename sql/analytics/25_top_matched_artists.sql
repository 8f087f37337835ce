-- Which catalogue artists are played most (plays matched to a song of the catalogue)?
-- grain: one row per artist, the ten with the most plays; ties broken by name.
-- why: counts by the fact's artist_id, which is set only for matched plays; shown only when enough plays matched, as above.
select
    a.name as artist,
    count(*) as plays,
    count(distinct sp.song_id) as songs,
    count(distinct sp.user_id) as listeners
from songplays as sp
join artists as a on a.artist_id = sp.artist_id
group by a.artist_id, a.name
order by plays desc, artist
limit 10
