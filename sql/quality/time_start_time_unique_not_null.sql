-- time: start_time is unique and never NULL; offending rows are the NULL or repeated keys with their count, in key order.
-- unique key: time (start_time)
-- why: Redshift records primary keys without enforcing them, so the transforms' deduplication is checked here. The
--      order lets PostgreSQL count along the primary key's index instead of hashing 0.6 million timestamps at scale
--      100 (issue 13: about 570 -> 200 ms of CPU).
select k.start_time, k.copies
from (
    select t.start_time, count(*) as copies
    from time t
    group by t.start_time
) k
where k.start_time is null or k.copies > 1
order by k.start_time
