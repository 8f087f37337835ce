-- What period does the warehouse cover, and how many plays, listeners, sessions and matched plays does it hold?
-- grain: one row for the whole warehouse; matched = the play resolved to a song of the catalogue.
-- why: every other section is read against these totals, and the digest printed on the console comes from here.
-- speed: the plays are counted per session (one user's session_id) first, so listeners and sessions are counted
--      over sessions, not over plays, and no text key is built per play (issue 13).
select
    cast(coalesce(sum(s.plays), 0) as bigint) as plays,
    count(distinct s.user_id) as listeners,
    count(*) as sessions,
    cast(coalesce(sum(s.matched_plays), 0) as bigint) as matched_plays,
    round(100.0 * sum(s.matched_plays) / nullif(sum(s.plays), 0), 1) as matched_pct,
    min(s.first_play) as first_play,
    max(s.last_play) as last_play
from (
    select
        sp.user_id,
        sp.session_id,
        count(*) as plays,
        count(sp.song_id) as matched_plays,
        min(sp.start_time) as first_play,
        max(sp.start_time) as last_play
    from songplays as sp
    group by sp.user_id, sp.session_id
) as s
