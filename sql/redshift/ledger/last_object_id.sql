-- last object id: one row, the highest object_id or load_group the ledger has given out (0 for none).
-- why: Redshift has no sequences and no RETURNING; ids are assigned client-side, under the run's writer lock.
select coalesce(max(case when l.load_group > l.object_id then l.load_group else l.object_id end), 0) as last_id
from load_ledger as l
