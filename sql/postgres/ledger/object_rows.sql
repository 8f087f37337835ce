-- object rows: the rows this load wrote per object (ids @ids) of {table}, for their ledger entries.
-- why: counted by the server after the COPY, in its transaction; {table} is a checked, quoted identifier.
select
    t.object_id,
    count(*) as row_count,
    cast(null as date) as day_from,
    cast(null as date) as day_to
from {table} as t
where t.object_id = any(@ids)
group by t.object_id
