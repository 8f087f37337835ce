-- object rows: the rows this load wrote per object (ids @ids) of {table}, for their ledger entries.
-- why: the fallback when the client could not count while writing (ClientLedger); counted after the COPY, in its
--      transaction; {table} is a checked, quoted identifier.
--      @whole_table: the load replaced the table, so every row is this load's (no array to test per row).
select
    t.object_id,
    count(*) as row_count,
    cast(null as date) as day_from,
    cast(null as date) as day_to
from {table} as t
where (@whole_table or t.object_id = any(@ids))
group by t.object_id
