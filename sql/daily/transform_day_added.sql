-- transform_days: one range of changed days, from its epoch milliseconds (whole UTC days).
-- why: the timestamps are computed once here, the way sql/transform/ turns @from_ms into a start_time.
insert into transform_days (from_ms, to_ms, from_time, to_time)
values (
    @from_ms,
    @to_ms,
    timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond',
    timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
)
