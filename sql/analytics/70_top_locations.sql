-- Where do the plays come from?
-- grain: one row per location as the log spells it, the ten with the most plays; ties broken by name.
-- why: the location is the user's at the time of the play, so it is read from the fact, not from users.
-- speed: the plays are counted per (location, listener) first, so listeners are counted without a sort of every play.
select
    l.location,
    cast(sum(l.plays) as bigint) as plays,
    count(*) as listeners
from (
    select coalesce(sp.location, '(unknown)') as location, sp.user_id, count(*) as plays
    from songplays as sp
    group by coalesce(sp.location, '(unknown)'), sp.user_id
) as l
group by l.location
order by plays desc, l.location
limit 10
