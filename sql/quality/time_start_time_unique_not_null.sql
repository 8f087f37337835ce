-- time: start_time is unique and never NULL; offending rows are the NULL or repeated keys with their count.
-- why: Redshift records primary keys without enforcing them, so the transforms' deduplication is checked here.
select k.start_time, k.copies
from (
    select t.start_time, count(*) as copies
    from time t
    group by t.start_time
) k
where k.start_time is null or k.copies > 1
