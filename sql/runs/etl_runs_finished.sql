-- etl_runs: a finished row for a target recorded only at its end (before etl_runs existed, or a read-only Report).
-- why: every target the run audits leaves one row, whether or not it could write 'running' first.
insert into etl_runs (run_id, target, window_from, window_to, started_at, finished_at, status, counts, detail)
values (@run_id, @target, @window_from, @window_to, @started_at, @finished_at, @status, @counts, nullif(@detail, ''))
