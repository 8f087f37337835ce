-- etl_runs: the rows other runs left 'running' become 'abandoned' (one row per run and target).
-- why: only the writer lock's holder writes 'running' rows, and this runs right after taking the lock, so a
--      'running' row of another run means that run died (killed, crashed, lost its session) without its outcome.
update etl_runs
set status = 'abandoned',
    finished_at = @now,
    detail = 'abandoned: its run ended without recording an outcome; found by run ' || @run_id
where status = 'running'
  and run_id <> @run_id
