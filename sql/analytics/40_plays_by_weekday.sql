-- On which days of the week do people listen?
-- grain: one row per weekday that has plays; weekday 0 = Sunday, as in the time table.
-- why: the day name is spelled here so the report and a direct query of songplays read the same.
select
    t.weekday,
    case t.weekday
        when 0 then 'Sunday'
        when 1 then 'Monday'
        when 2 then 'Tuesday'
        when 3 then 'Wednesday'
        when 4 then 'Thursday'
        when 5 then 'Friday'
        when 6 then 'Saturday'
    end as day,
    count(*) as plays,
    count(distinct sp.user_id) as listeners
from songplays as sp
join time as t on t.start_time = sp.start_time
group by t.weekday
order by t.weekday
