-- ledger: one 'loaded' row per object this load read, with the id its rows carry and the COPY (group) that read it.
-- why: written in the transaction that writes the rows, so the ledger never names rows that are not there, nor misses any.
insert into load_ledger (
    table_name, source, object_key, object_id, content_id, size_bytes, status, run_id, rows_loaded, rejected, loaded_at,
    day_from, day_to, load_group
)
select
    @table_name,
    @source,
    o.object_key,
    o.object_id,
    o.content_id,
    o.size_bytes,
    'loaded',
    @run_id,
    o.rows_loaded,
    o.rejected,
    @loaded_at,
    o.day_from,
    o.day_to,
    o.load_group
from load_objects as o
where o.change <> 'removed'
