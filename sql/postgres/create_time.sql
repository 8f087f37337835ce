-- time: one row per distinct songplay start_time (a timestamp with milliseconds, UTC).
-- why: the calendar parts analysts group by, computed once; week is the ISO week, weekday 0 = Sunday.
create table if not exists time (
    start_time  timestamp  not null primary key,
    hour        smallint   not null,
    day         smallint   not null,
    week        smallint   not null,
    month       smallint   not null,
    year        smallint   not null,
    weekday     smallint   not null
)
