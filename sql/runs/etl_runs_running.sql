-- etl_runs: one target of one run has started (one row per run and target).
-- why: written before the work and outside its transaction, so a killed run still leaves a row that says so.
insert into etl_runs (run_id, target, window_from, window_to, started_at, status)
values (@run_id, @target, @window_from, @window_to, @started_at, 'running')
