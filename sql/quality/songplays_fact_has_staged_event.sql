-- songplays: every fact of the scope has its staged NextSong event (the same natural key, inside the scope);
--            offending rows are the facts without one.
-- why: the other half of the two-way reconciliation (issue 11): a fact left over from data that is no longer
--      staged (another sample, an edited file) shows up here; a full run's scope is all time.
select s.songplay_id, s.session_id, s.item_in_session, s.user_id, s.start_time
from songplays s
where s.start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
  and s.start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
  and not exists (
      select 1
      from staging_events e
      where e.page = 'NextSong'
        and e.ts >= @from_ms and e.ts < @to_ms
        and e.session_id = s.session_id and e.item_in_session = s.item_in_session and e.user_id = s.user_id
  )
