-- On which days of the week do people listen?
-- grain: one row per weekday, 0 = Sunday as in the time table, with zero plays where nothing played.
-- why: the day name is spelled here so the report and a direct query of songplays read the same; the seven days
--      are listed here, so a quiet day shows as 0, not as a gap.
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
        t.weekday,
        count(*) as plays,
        count(distinct sp.user_id) as listeners
    from songplays as sp
    join time as t on t.start_time = sp.start_time
    group by t.weekday
) as p on p.weekday = d.weekday
order by d.weekday
