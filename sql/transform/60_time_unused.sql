-- time: removes the window's start_times that no songplay uses any more (events gone from staging, duplicates
--       collapsed by 50_songplays.sql), so time keeps exactly one row per distinct songplay start_time.
-- why: it must run after the fact's merge; the time dimension is rebuilt only inside the window. Redshift's
--      delete takes no alias, so the test is a not-in rather than a correlated not-exists on the keyword-named table.
delete from time
where start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
  and start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
  and start_time not in (select s.start_time from songplays s where s.start_time is not null)
