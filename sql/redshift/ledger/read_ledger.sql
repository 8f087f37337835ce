-- ledger of one staging table: one row per object the warehouse knows, what it held when loaded and the id its rows carry.
-- why: the Redshift load diffs S3's listing (keys, ETags) against it to load only new, changed and failed objects.
select
    l.object_key,
    l.source,
    l.content_id,
    l.size_bytes,
    l.status,
    l.object_id,
    l.load_group,
    l.day_from,
    l.day_to
from load_ledger as l
where l.table_name = @table_name
order by l.object_key
