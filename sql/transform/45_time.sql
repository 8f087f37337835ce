-- time: one row per distinct songplay start_time; inserts the scope's new start_times (42_time_unused.sql has
--       removed the ones no fact of the scope uses any more).
-- why: the start_times come from 40_songplays_staged.sql's rows, so the event filter is computed once and time
--      precedes the fact that references it; time_present was read there, before time changes. extract(week) is
--      the ISO week and extract(dow) counts 0 = Sunday on both engines.
insert into time (start_time, hour, day, week, month, year, weekday)
select
    p.start_time,
    cast(extract(hour from p.start_time) as smallint),
    cast(extract(day from p.start_time) as smallint),
    cast(extract(week from p.start_time) as smallint),
    cast(extract(month from p.start_time) as smallint),
    cast(extract(year from p.start_time) as smallint),
    cast(extract(dow from p.start_time) as smallint)
from (
    select distinct w.start_time
    from transform_songplays w
    where w.time_present = 0
) p
