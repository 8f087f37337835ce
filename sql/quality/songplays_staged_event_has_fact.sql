-- songplays: every staged NextSong event of the scope has its fact (the same natural key); offending rows are the
--            events without one.
-- why: one half of the two-way reconciliation (issue 11): a play the transform dropped (no user, no session) or
--      lost shows up by name, not only as a count; the scope is --from/--to, the days staging holds, or everything.
select e.session_id, e.item_in_session, e.user_id, e.ts
from staging_events e
where e.page = 'NextSong'
  and e.ts >= @from_ms and e.ts < @to_ms
  and not exists (
      select 1
      from songplays s
      where s.session_id = e.session_id and s.item_in_session = e.item_in_session and s.user_id = e.user_id
  )
