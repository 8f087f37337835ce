-- users: user_id is unique and never NULL; offending rows are the NULL or repeated keys with their count.
-- unique key: users (user_id)
-- why: Redshift records primary keys without enforcing them, so the transforms' deduplication is checked here.
select k.user_id, k.copies
from (
    select t.user_id, count(*) as copies
    from users t
    group by t.user_id
) k
where k.user_id is null or k.copies > 1
