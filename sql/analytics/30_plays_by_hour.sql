-- At which hours of the day (UTC) do people listen?
-- grain: one row per hour of day, 0 to 23, with zero plays where nothing played.
-- why: the hours are listed here (the subset both engines run: Redshift's generate_series runs on the leader node
--      only), so a quiet hour shows as 0, not as a gap.
-- speed: the hour is extracted from the play's start_time, as the transform computes time.hour (45_time.sql), instead
--      of joining 600,000 time rows to every play; Verify's songplays_start_time_in_time keeps the two in step. The
--      plays are counted per (hour, listener) first, so listeners are counted without a sort of every play (issue 13).
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
        u.hour,
        cast(sum(u.plays) as bigint) as plays,
        count(*) as listeners
    from (
        select cast(date_part('hour', sp.start_time) as smallint) as hour, sp.user_id, count(*) as plays
        from songplays as sp
        group by cast(date_part('hour', sp.start_time) as smallint), sp.user_id
    ) as u
    group by u.hour
) as p on p.hour = h.hour
order by h.hour
