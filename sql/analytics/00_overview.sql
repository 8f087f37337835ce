-- What period does the warehouse cover, and how many plays, listeners, sessions and matched plays does it hold?
-- grain: one row for the whole warehouse; matched = the play resolved to a song of the catalogue.
-- why: every other section is read against these totals, and the digest printed on the console comes from here.
select
    count(*) as plays,
    count(distinct sp.user_id) as listeners,
    count(distinct sp.user_id || ':' || cast(sp.session_id as varchar(16))) as sessions,
    count(sp.song_id) as matched_plays,
    round(100.0 * count(sp.song_id) / nullif(count(*), 0), 1) as matched_pct,
    min(sp.start_time) as first_play,
    max(sp.start_time) as last_play
from songplays as sp
