-- keys across days, after only additions (@full = 0): how many plays outside the changed days (facts of
--      songplays) share their natural key (session_id, item_in_session, user_id) with a staged NextSong event inside
--      them; 0 lets a daily Transform go on. After a removal or change keys_across_days.sql counts instead.
-- why: a fact is its key's earliest staged event over all days (40_songplays_staged.sql), and a daily run starts
--      from a star schema that is a fresh build of the staging before its changes (the transform:star stamp), so a
--      key whose fact lies outside the changed days has its earliest event there, and recomputing the days alone
--      could move that fact into them (and leave its old time row). A key whose fact lies inside has its earliest
--      event inside, and additions only add events, so the changed days alone give the right fact. Each key of the
--      day probes songplays' unique key index: a day's keys instead of a scan of all staged events (0.37 -> 0.10
--      server CPU-s for a day of 41 thousand events at scale 100, issue 27).
with k as (
    select distinct i.session_id, i.item_in_session, i.user_id
    from transform_recent i
    where i.page = 'NextSong'
      and i.ts >= @from_ms and i.ts < @to_ms
      and exists (select 1 from transform_days d where i.ts >= d.from_ms and i.ts < d.to_ms)
)
select count(*) as plays
from songplays f
join k on k.session_id = f.session_id and k.item_in_session = f.item_in_session and k.user_id = f.user_id
where not exists (select 1 from transform_days d where f.start_time >= d.from_time and f.start_time < d.to_time)
