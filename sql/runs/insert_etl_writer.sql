-- etl_writer: this run now holds the writer lock, on the session whose backend pid is @session_pid.
-- why: read by a refused run to say who is writing, in which target, since when.
insert into etl_writer (run_id, holder, target, started_at, session_pid)
values (@run_id, @holder, @target, @started_at, @session_pid)
