-- At which hours of the day (UTC) do people listen?
-- grain: one row per hour of day, 0 to 23, with zero plays where nothing played.
-- why: the time dimension holds the hour computed once; the hours are listed here (the subset both engines run:
--      Redshift's generate_series runs on the leader node only), so a quiet hour shows as 0, not as a gap.
select
    h.hour,
    coalesce(p.plays, 0) as plays,
    coalesce(p.listeners, 0) as listeners
from (
    select 0 as hour union all select 1 union all select 2 union all select 3 union all select 4 union all select 5
    union all select 6 union all select 7 union all select 8 union all select 9 union all select 10 union all select 11
    union all select 12 union all select 13 union all select 14 union all select 15 union all select 16 union all select 17
    union all select 18 union all select 19 union all select 20 union all select 21 union all select 22 union all select 23
) as h
left join (
    select
        t.hour,
        count(*) as plays,
        count(distinct sp.user_id) as listeners
    from songplays as sp
    join time as t on t.start_time = sp.start_time
    group by t.hour
) as p on p.hour = h.hour
order by h.hour
