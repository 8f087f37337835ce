-- time: every row is the start_time of at least one songplay (one row per distinct songplay start_time).
-- why: stale calendar rows would make time disagree with the fact it describes.
select t.start_time
from time t
where not exists (select 1 from songplays s where s.start_time = t.start_time)
