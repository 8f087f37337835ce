-- songplays of a window: one row, the facts whose start_time falls in [@from_ms, @to_ms) (epoch milliseconds).
-- why: the window case's rows/s counts the day's facts, not the warehouse's.
select count(*) as songplays
from songplays p
where p.start_time >= timestamp 'epoch' + @from_ms * interval '1 millisecond'
  and p.start_time < timestamp 'epoch' + @to_ms * interval '1 millisecond'
