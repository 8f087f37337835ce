-- users: one row per user_id (every non-empty userId with an event in the scope), merged into the table; a full
--        run also deletes the users no staged event has any more (90_users_unstaged.sql).
-- why: names, gender and level come from the user's latest staged event by ts, so a later level (an upgrade)
--      wins; ties at the same millisecond go to the higher session_id, then the higher item_in_session (the
--      later event of the session), then 'paid' over 'free' (level descending), so the choice is deterministic.
--      All staged events of those users are considered, not only the window's: a window run after a full run must
--      not set a level back to an older one. Redshift keys are informational, so the merge deduplicates itself.
--      present (the key is in users already) is read before users changes: an insert that anti-joins the table it
--      fills reads its own new pages when the plan is a nested loop (quadratic, issue 11), so none does. The latest
--      ts per user is found by a grouping first and only the events at it are ranked: sorting every event by user
--      was most of this file's time (issue 13).
--      The events come from transform_events, the run's events (sql/postgres/transform_events_staged.sql): all of
--      staging_events, or, in a daily run after only additions (@ranged = 1, @full = 0, docs/reruns.md), the staged
--      events from its first changed day on. Such a run takes the users with an event of a level in the changed days
--      (transform_days); each one's latest event is at or after the first of them, so the grouping and the ranking read
--      from that day on and the result is the same. After a removal or change @full is 1 and the events are all of
--      staging: a user whose events left it is found only by taking them all.
create temp table transform_users as
select
    ranked.user_id,
    ranked.first_name,
    ranked.last_name,
    ranked.gender,
    ranked.level,
    case when u.user_id is null then 0 else 1 end as present
from (
    select
        e.user_id,
        nullif(e.first_name, '') as first_name,
        nullif(e.last_name, '') as last_name,
        nullif(e.gender, '') as gender,
        e.level,
        row_number() over (
            partition by e.user_id
            order by e.session_id desc, e.item_in_session desc, e.level desc
        ) as row_rank
    from transform_events e
    join (
        select x.user_id, max(x.ts) as ts
        from transform_events x
        where x.user_id <> ''
          and x.ts is not null
          and x.level is not null
          and (
              @full = 1
              or x.user_id in (
                  select w.user_id
                  from transform_events w
                  where w.ts >= @from_ms and w.ts < @to_ms and w.user_id <> ''
                    and (
                        @ranged = 0
                        or (w.level is not null and exists (select 1 from transform_days d where w.ts >= d.from_ms and w.ts < d.to_ms))
                    )
              )
          )
        group by x.user_id
    ) latest on latest.user_id = e.user_id and latest.ts = e.ts
    where e.level is not null
) ranked
left join users u on u.user_id = ranked.user_id
where ranked.row_rank = 1;

analyze transform_users;

update users
set
    first_name = t.first_name,
    last_name = t.last_name,
    gender = t.gender,
    level = t.level
from transform_users t
where users.user_id = t.user_id
  and (
      coalesce(users.first_name, '') <> coalesce(t.first_name, '')
      or coalesce(users.last_name, '') <> coalesce(t.last_name, '')
      or coalesce(users.gender, '') <> coalesce(t.gender, '')
      or users.level <> t.level
  );

insert into users (user_id, first_name, last_name, gender, level)
select t.user_id, t.first_name, t.last_name, t.gender, t.level
from transform_users t
where t.present = 0;
