-- songs: song_id is unique and never NULL; offending rows are the NULL or repeated keys with their count.
-- unique key: songs (song_id)
-- why: Redshift records primary keys without enforcing them, so the transforms' deduplication is checked here.
select k.song_id, k.copies
from (
    select t.song_id, count(*) as copies
    from songs t
    group by t.song_id
) k
where k.song_id is null or k.copies > 1
