-- What share of plays and of users is free, and what share is paid?
-- grain: one row per level; plays count the level at the time of each play, users count each user's latest level.
-- why: the two shares differ when paying users listen more, which is the point of comparing them.
-- speed: songplays is read once (plays per level); the totals are sums over the levels, not counts of the tables again.
select
    coalesce(p.level, u.level) as level,
    coalesce(p.plays, 0) as plays,
    round(100.0 * coalesce(p.plays, 0) / nullif(sum(coalesce(p.plays, 0)) over (), 0), 1) as plays_pct,
    coalesce(u.users, 0) as users,
    round(100.0 * coalesce(u.users, 0) / nullif(sum(coalesce(u.users, 0)) over (), 0), 1) as users_pct
from (select sp.level, count(*) as plays from songplays as sp group by sp.level) as p
full outer join (select us.level, count(*) as users from users as us group by us.level) as u on u.level = p.level
order by coalesce(p.level, u.level)
