-- users: level is 'free' or 'paid'.
-- why: the only two subscription levels; anything else is a load or mapping error.
select u.user_id, u.level
from users u
where u.level is null or u.level not in ('free', 'paid')
