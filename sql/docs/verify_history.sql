-- Verify's finished runs, oldest first, for the report's "Trends" section: each run's violations per check and row
--      count per table, as Verify recorded them in its etl_runs row's counts (JSON text).
-- grain: one row per finished Verify run (run_id), the 30 latest by started_at.
-- why: the history is the warehouse's own record, so it outlives the artifacts folder and any machine's runs;
--      a Verify that died before its counts (failed with no counts, running, abandoned) has no figures to plot.
select v.run_id, v.started_at, v.status, v.counts
from (
    select r.run_id, r.started_at, r.status, r.counts
    from etl_runs r
    where r.target = 'Verify'
      and r.status in ('succeeded', 'failed')
      and r.counts is not null
    order by r.started_at desc
    limit 30
) v
order by v.started_at
