-- songplays: level (the user's level at the time of the play) is 'free' or 'paid'.
-- why: the only two subscription levels; anything else is a load or mapping error.
select s.songplay_id, s.level
from songplays s
where s.level is null or s.level not in ('free', 'paid')
