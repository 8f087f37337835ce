-- songplays reconciliation, both ways and by count:
--      one row, each column the number of rows that check returns (its offending rows), from one pass over
--      staging_events and songplays grouped by the natural key (session_id, item_in_session, user_id).
-- answers: songplays_count_matches_staged, songplays_staged_event_has_fact, songplays_fact_has_staged_event
-- why: the three checks each scan staging_events and hash 0.7 million keys at scale 100; one grouping answers all
--      three (issue 13). Verify runs a check's own file only when its column is not 0, so a failure still shows that
--      file's rows. Same scope as the checks (@from_ms, @to_ms); songplays keys are NOT NULL, so a staged key with a
--      NULL, which the checks' "=" never matches, never meets a fact here either.
--      The facts read are those of @days_from_ms/@days_to_ms (all time, or a scoped Verify's changed days, which are
--      also its @from_ms/@to_ms): a staged event whose fact lies outside them is counted here, and then the check's
--      own file, which looks at every fact, decides.
select
    coalesce(case when sum(case when g.staged > 0 then 1 else 0 end) <> sum(g.facts_in_scope) then 1 else 0 end, 0)
        as songplays_count_matches_staged,
    coalesce(sum(case when g.facts = 0 then g.staged else 0 end), 0) as songplays_staged_event_has_fact,
    coalesce(sum(case when g.staged = 0 then g.facts_in_scope else 0 end), 0) as songplays_fact_has_staged_event
from (
    select k.session_id, k.item_in_session, k.user_id,
           sum(k.staged) as staged, sum(k.facts_in_scope) as facts_in_scope, sum(k.facts) as facts
    from (
        select e.session_id, e.item_in_session, e.user_id, 1 as staged, 0 as facts_in_scope, 0 as facts
        from staging_events e
        where e.page = 'NextSong' and e.ts >= @from_ms and e.ts < @to_ms
        union all
        select s.session_id, s.item_in_session, s.user_id, 0 as staged,
               case when s.start_time >= timestamp 'epoch' + (@from_ms / 1000) * interval '1 second' + (@from_ms % 1000) * interval '1 millisecond'
                     and s.start_time < timestamp 'epoch' + (@to_ms / 1000) * interval '1 second' + (@to_ms % 1000) * interval '1 millisecond'
                    then 1 else 0 end as facts_in_scope,
               1 as facts
        from songplays s
        where s.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
          and s.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
    ) k
    group by k.session_id, k.item_in_session, k.user_id
) g
