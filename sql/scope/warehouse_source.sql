-- warehouse_source: the one row (or none) naming the source the warehouse was loaded from.
-- why: StageCopy without --sample uses it, and refuses a window run from another source (docs/reruns.md).
select w.source, w.set_by_run, w.set_at
from warehouse_source w
order by w.set_at desc
