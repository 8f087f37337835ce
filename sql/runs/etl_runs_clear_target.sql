-- etl_runs: removes this run's earlier row of one target, before its 'running' row.
-- why: a target run twice under one run id (never through Cake) replaces its own row.
delete from etl_runs
where run_id = @run_id
  and target = @target
