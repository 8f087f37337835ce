-- songplays: the plays of the window equal the staged NextSong events of the window (distinct natural keys).
-- why: a play the transform dropped (no user, no session) or one left over from an older load shows up here;
--      the window is --from/--to, or the span of the staged events when none is given.
select staged.plays as staged_nextsong_events, loaded.plays as songplays
from (
    select count(*) as plays
    from (
        select distinct e.session_id, e.item_in_session, e.user_id
        from staging_events e
        where e.page = 'NextSong' and e.ts >= @from_ms and e.ts < @to_ms
    ) k
) staged
cross join (
    select count(*) as plays
    from songplays s
    where s.start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
      and s.start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
) loaded
where staged.plays <> loaded.plays
