-- start_time agreement of songplays and time, both ways: one row, each column the number of rows that check returns
--      (its offending rows), from one full join of songplays and time on start_time.
-- answers: songplays_start_time_in_time, time_start_time_in_songplays
-- why: the two checks each hash 0.6-0.7 million timestamps at scale 100; one hash full join answers both (issue 13).
--      Verify runs a check's own file only when its column is not 0. Both start_time columns are NOT NULL, so a NULL
--      side of the join is exactly a row without its partner.
-- scope: the facts of @days_from_ms/@days_to_ms: all time, or after a daily Transform the changed days, when
--      nothing else was written since the last passing Verify (docs/reruns.md, "A scoped daily Verify").
select
    coalesce(sum(case when t.start_time is null then 1 else 0 end), 0) as songplays_start_time_in_time,
    coalesce(sum(case when s.start_time is null then 1 else 0 end), 0) as time_start_time_in_songplays
from (
    select p.start_time
    from songplays p
    where p.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
      and p.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
) s
full join (
    select r.start_time
    from time r
    where r.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
      and r.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
) t on t.start_time = s.start_time
