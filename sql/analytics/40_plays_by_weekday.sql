-- On which days of the week do people listen?
-- grain: one row per weekday, 0 = Sunday as in the time table, with zero plays where nothing played.
-- why: the day name is spelled here so the report and a direct query of songplays read the same; the seven days
--      are listed here, so a quiet day shows as 0, not as a gap.
-- speed: the weekday is extracted from the play's start_time, as the transform computes time.weekday (45_time.sql:
--      date_part('dow'), 0 = Sunday on both engines), instead of joining 600,000 time rows to every play; Verify's
--      songplays_start_time_in_time keeps the two in step. Plays are counted per (weekday, listener) first (issue 13).
select
    d.weekday,
    d.day,
    coalesce(p.plays, 0) as plays,
    coalesce(p.listeners, 0) as listeners
from (
    select 0 as weekday, 'Sunday' as day union all select 1, 'Monday' union all select 2, 'Tuesday'
    union all select 3, 'Wednesday' union all select 4, 'Thursday' union all select 5, 'Friday' union all select 6, 'Saturday'
) as d
left join (
    select
        u.weekday,
        cast(sum(u.plays) as bigint) as plays,
        count(*) as listeners
    from (
        select cast(date_part('dow', sp.start_time) as smallint) as weekday, sp.user_id, count(*) as plays
        from songplays as sp
        group by cast(date_part('dow', sp.start_time) as smallint), sp.user_id
    ) as u
    group by u.weekday
) as p on p.weekday = d.weekday
order by d.weekday
