-- artists: artist_id is unique and never NULL; offending rows are the NULL or repeated keys with their count.
-- unique key: artists (artist_id)
-- why: Redshift records primary keys without enforcing them, so the transforms' deduplication is checked here.
select k.artist_id, k.copies
from (
    select t.artist_id, count(*) as copies
    from artists t
    group by t.artist_id
) k
where k.artist_id is null or k.copies > 1
