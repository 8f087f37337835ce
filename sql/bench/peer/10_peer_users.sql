-- peer users: one row per user_id, the latest event's names and level by ts (the plain reference, no merge).
-- why: the same choice as sql/transform/10_users.sql, written the simplest way, to time the project against it.
insert into peer_users (user_id, first_name, last_name, gender, level)
select r.user_id, r.first_name, r.last_name, r.gender, r.level
from (
    select
        e.user_id,
        nullif(e.first_name, '') as first_name,
        nullif(e.last_name, '') as last_name,
        nullif(e.gender, '') as gender,
        e.level,
        row_number() over (
            partition by e.user_id
            order by e.ts desc, e.session_id desc, e.item_in_session desc, e.level desc
        ) as row_rank
    from staging_events e
    where e.user_id <> '' and e.ts is not null and e.level is not null
) r
where r.row_rank = 1
