-- peer time: one row per distinct NextSong start_time (the plain reference, no merge).
-- why: the same calendar parts as sql/transform/45_time.sql, straight from staging, to time the project against it.
insert into peer_time (start_time, hour, day, week, month, year, weekday)
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
    where e.page = 'NextSong' and e.user_id <> '' and e.ts is not null
) p
