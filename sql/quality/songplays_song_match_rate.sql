-- severity: info
-- songplays: how many plays matched a song on title, artist name and duration (one row, always).
-- why: informational, never a failure: the sample's song files are a small subset of the songs played, so a low
--      rate is expected there; a rate that drops between runs on the same sources is worth a look.
select
    count(*) as plays,
    count(s.song_id) as matched,
    case when count(*) = 0 then 0 else round(100.0 * count(s.song_id) / count(*), 2) end as match_percent
from songplays s
