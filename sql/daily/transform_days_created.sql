-- transform_days (work table): the day ranges a daily Transform recomputes, [from_ms, to_ms) in epoch milliseconds
--      and [from_time, to_time) as timestamps; empty for a full or window run, whose @ranged is 0.
-- why: the changed days are a set, not one span, so sql/transform/ narrows its facts, time rows and users to them
--      with "@ranged = 0 or exists (... transform_days ...)"; the engine folds that away when @ranged is 0, so a full
--      run plans as before. Made before sql/transform/ runs and dropped by 99_work_tables_dropped.sql.
--      transform_recent: a daily run's staged events from its first changed day on (transform_recent_filled.sql),
--      empty for any other run.
drop table if exists transform_days, transform_recent;

create temp table transform_days (
    from_ms    bigint     not null,
    to_ms      bigint     not null,
    from_time  timestamp  not null,
    to_time    timestamp  not null
);

create temp table transform_recent (like staging_events)
