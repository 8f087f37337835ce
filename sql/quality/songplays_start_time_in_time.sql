-- songplays: every play's start_time is a row of time.
-- why: Redshift does not enforce the foreign key; a play without its time row drops out of calendar reports.
select s.songplay_id, s.start_time
from songplays s
where not exists (select 1 from time t where t.start_time = s.start_time)
