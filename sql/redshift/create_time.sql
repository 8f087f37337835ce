-- time: one row per distinct songplay start_time (a timestamp with milliseconds, UTC).
-- why: as large as the fact, so distributed like it: distkey and sortkey start_time make the songplays join collocated.
create table if not exists time (
    start_time  timestamp  not null primary key distkey sortkey,
    hour        smallint   not null,
    day         smallint   not null,
    week        smallint   not null,
    month       smallint   not null,
    year        smallint   not null,
    weekday     smallint   not null
)
