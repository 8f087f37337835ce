-- Which users upgraded from free to paid within the period the warehouse covers?
-- grain: one row per user with a paid play after a free one; upgraded_at is the first such paid play.
-- why: users keep only their latest level, so the change over time is read from the levels on songplays.
select
    sp.user_id,
    u.first_name,
    u.last_name,
    f.first_free_play,
    min(sp.start_time) as upgraded_at
from songplays as sp
join (
    select user_id, min(start_time) as first_free_play
    from songplays
    where level = 'free'
    group by user_id
) as f on f.user_id = sp.user_id and sp.start_time > f.first_free_play
join users as u on u.user_id = sp.user_id
where sp.level = 'paid'
group by sp.user_id, u.first_name, u.last_name, f.first_free_play
order by upgraded_at, sp.user_id
