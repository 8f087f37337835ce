-- Where do the plays come from?
-- grain: one row per location as the log spells it, the ten with the most plays; ties broken by name.
-- why: the location is the user's at the time of the play, so it is read from the fact, not from users.
select
    coalesce(sp.location, '(unknown)') as location,
    count(*) as plays,
    count(distinct sp.user_id) as listeners
from songplays as sp
group by coalesce(sp.location, '(unknown)')
order by plays desc, location
limit 10
