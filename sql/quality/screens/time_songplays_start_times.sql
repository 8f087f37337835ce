-- start_time agreement of songplays and time, both ways: one row, each column the number of rows that check returns
--      (its offending rows), from one full join of songplays and time on start_time.
-- answers: songplays_start_time_in_time, time_start_time_in_songplays
-- why: the two checks each hash 0.6-0.7 million timestamps at scale 100; one hash full join answers both (issue 13).
--      Verify runs a check's own file only when its column is not 0. Both start_time columns are NOT NULL, so a NULL
--      side of the join is exactly a row without its partner.
select
    coalesce(sum(case when t.start_time is null then 1 else 0 end), 0) as songplays_start_time_in_time,
    coalesce(sum(case when s.start_time is null then 1 else 0 end), 0) as time_start_time_in_songplays
from songplays s
full join time t on t.start_time = s.start_time
