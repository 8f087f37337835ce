-- time: one row per distinct songplay start_time; inserts the window's new start_times (60_time_unused.sql
--       removes the ones no songplay uses any more, after 50_songplays.sql).
-- why: start_time is built from epoch milliseconds as whole seconds plus whole milliseconds, integer arithmetic
--      that keeps the milliseconds exactly on PostgreSQL and Redshift alike (ts / 1000.0 would go through a
--      numeric of engine-dependent scale). extract(week) is the ISO week and extract(dow) counts 0 = Sunday on
--      both engines. The filters are those of 50_songplays.sql, so time precedes the fact that references it.
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
    select distinct
        timestamp 'epoch' + (e.ts / 1000) * interval '1 second' + (e.ts % 1000) * interval '1 millisecond' as start_time
    from staging_events e
    where e.page = 'NextSong'
      and e.ts >= @from_ms and e.ts < @to_ms
      and e.user_id <> ''
      and e.session_id is not null
      and e.item_in_session is not null
      and e.level is not null
) p
where not exists (select 1 from time t where t.start_time = p.start_time)
