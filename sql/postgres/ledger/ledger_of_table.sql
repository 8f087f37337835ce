-- ledger of a table: one row per object the load_ledger knows for @table, and the ledger's highest object_id.
-- why: a load compares the listing with this in memory (by key: content id and size), one query for any number
--      of objects; max_id (over every table) is where the ids of this load's new contents start.
select
    l.object_key,
    l.object_id,
    l.content_id,
    l.size_bytes,
    l.status,
    l.day_from,
    l.day_to,
    (select coalesce(max(a.object_id), 0) from load_ledger as a) as max_id
from load_ledger as l
where l.table_name = @table
