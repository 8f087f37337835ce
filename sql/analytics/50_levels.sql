-- What share of plays and of users is free, and what share is paid?
-- grain: one row per level; plays count the level at the time of each play, users count each user's latest level.
-- why: the two shares differ when paying users listen more, which is the point of comparing them.
select
    lv.level,
    coalesce(p.plays, 0) as plays,
    round(100.0 * coalesce(p.plays, 0) / nullif(tot.plays, 0), 1) as plays_pct,
    coalesce(u.users, 0) as users,
    round(100.0 * coalesce(u.users, 0) / nullif(tot.users, 0), 1) as users_pct
from (select level from songplays union select level from users) as lv
left join (select level, count(*) as plays from songplays group by level) as p on p.level = lv.level
left join (select level, count(*) as users from users group by level) as u on u.level = lv.level
cross join (select (select count(*) from songplays) as plays, (select count(*) from users) as users) as tot
order by lv.level
