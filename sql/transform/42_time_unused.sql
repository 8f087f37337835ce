-- time: removes the scope's start_times that no fact of the scope will use (events gone from staging, duplicates
--       collapsed by 40_songplays_staged.sql), so time keeps exactly one row per distinct songplay start_time.
-- why: after 50_songplays.sql the scope's facts are exactly 40_songplays_staged.sql's rows, so a start_time of the
--      scope that none of those rows has is unused; finding it here, against the work table and before time gains
--      rows, costs nothing on empty tables and a window's rows in a window run (a not-in over songplays turned
--      quadratic once it outgrew work_mem, issue 13). The anti-join sits in an aliased subquery because Redshift's
--      delete takes no alias. No foreign key stands in the way (docs/schema.md). A daily run's scope is its changed
--      days (transform_days): a time row belongs to the day of its start_time, as its facts do.
delete from time
where start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
  and start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
  and start_time in (
      select t.start_time
      from time t
      where t.start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
        and t.start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
        and (@ranged = 0 or exists (select 1 from transform_days d where t.start_time >= d.from_time and t.start_time < d.to_time))
        and not exists (select 1 from transform_songplays w where w.start_time = t.start_time)
  )
