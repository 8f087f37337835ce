-- songplays: songplay_id is unique and never NULL; offending rows are the NULL or repeated keys with their count.
-- unique key: songplays (songplay_id)
-- why: Redshift records primary keys without enforcing them, so the transforms' deduplication is checked here.
select k.songplay_id, k.copies
from (
    select t.songplay_id, count(*) as copies
    from songplays t
    group by t.songplay_id
) k
where k.songplay_id is null or k.copies > 1
