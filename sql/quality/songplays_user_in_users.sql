-- songplays: every play's user_id is a row of users.
-- why: Redshift does not enforce the foreign key; a play without its user drops out of every star join.
select s.songplay_id, s.user_id
from songplays s
where not exists (select 1 from users u where u.user_id = s.user_id)
