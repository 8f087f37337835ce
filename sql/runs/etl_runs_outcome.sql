-- etl_runs: the outcome of one target of one run, over its 'running' row.
-- why: the run's lifecycle is the one writer; the target's counts and detail come with the outcome.
update etl_runs
set status = @status,
    finished_at = coalesce(finished_at, @finished_at),
    counts = coalesce(@counts, counts),
    detail = coalesce(detail, nullif(@detail, ''))
where run_id = @run_id
  and target = @target
