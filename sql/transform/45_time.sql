-- time: one row per distinct songplay start_time; inserts the scope's new start_times (42_time_unused.sql has
--       removed the ones no fact of the scope uses any more).
-- why: the start_times come from 40_songplays_staged.sql's rows, so the event filter is computed once and time
--      precedes the fact that references it; time_present was read there, before time changes. date_part('week')
--      is the ISO week and date_part('dow') counts 0 = Sunday on both engines; date_part returns a double, cheaper
--      than extract's numeric on PostgreSQL. Inserted in start_time order, the primary key grows at its end
--      (random inserts cost twice as much, issue 13).
insert into time (start_time, hour, day, week, month, year, weekday)
select
    p.start_time,
    cast(date_part('hour', p.start_time) as smallint),
    cast(date_part('day', p.start_time) as smallint),
    cast(date_part('week', p.start_time) as smallint),
    cast(date_part('month', p.start_time) as smallint),
    cast(date_part('year', p.start_time) as smallint),
    cast(date_part('dow', p.start_time) as smallint)
from (
    select distinct w.start_time
    from transform_songplays w
    where w.time_present = 0
) p
order by p.start_time
