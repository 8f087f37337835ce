-- keys across days, after a removal or change (@full = 1): how many staged NextSong events outside the changed days
--      share their natural key (session_id, item_in_session, user_id) with a staged event or a fact inside them; 0
--      lets a daily Transform go on. After only additions keys_across_days_added.sql counts instead.
-- why: a fact is its key's earliest staged event over all days (40_songplays_staged.sql), so when a key spans a
--      changed day and another day, recomputing the changed days alone could drop or move that fact; then the
--      Transform runs in full instead. Real logs never repeat a key across days, so this is one scan and a hash of
--      the changed days' keys. The facts inside count too: their events may be the ones that left staging, and then
--      the facts say nothing about the events left outside, which is why this reads all staged events.
--      The changed days' events come from transform_recent (transform_recent_filled.sql); @from_ms/@to_ms, the span
--      of the changed days, filter first: a probe of transform_days per row of all time cost more than the scan.
--      The scan of all time keeps only events of a session in k before it joins on the whole key: it then reads
--      three columns of most rows instead of all of them (0.5 -> 0.25 CPU-s at scale 100).
with k as (
    select i.session_id, i.item_in_session, i.user_id
    from transform_recent i
    where i.page = 'NextSong'
      and i.ts >= @from_ms and i.ts < @to_ms
      and exists (select 1 from transform_days d where i.ts >= d.from_ms and i.ts < d.to_ms)
    union
    select s.session_id, s.item_in_session, s.user_id
    from songplays s
    where s.start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
      and s.start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
      and exists (select 1 from transform_days d where s.start_time >= d.from_time and s.start_time < d.to_time)
)
select count(*) as events
from staging_events e
join k on k.session_id = e.session_id and k.item_in_session = e.item_in_session and k.user_id = e.user_id
where e.session_id in (select ks.session_id from k ks)
  and e.page = 'NextSong'
  and e.ts is not null
  and not exists (select 1 from transform_days d where e.ts >= d.from_ms and e.ts < d.to_ms)
