-- users: no empty string where NULL belongs (the log writes unknown names as null, the transform keeps them NULL).
-- why: '' and NULL group and count differently; one spelling of "unknown" keeps reports honest.
select u.user_id
from users u
where u.user_id = '' or u.first_name = '' or u.last_name = '' or u.gender = '' or u.level = ''
