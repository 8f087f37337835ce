-- At which hours of the day (UTC) do people listen?
-- grain: one row per hour of day that has plays, 0 to 23.
-- why: the time dimension holds the hour computed once; hours without plays are absent, not zero rows.
select
    t.hour,
    count(*) as plays,
    count(distinct sp.user_id) as listeners
from songplays as sp
join time as t on t.start_time = sp.start_time
group by t.hour
order by t.hour
