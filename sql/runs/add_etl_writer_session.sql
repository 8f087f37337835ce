-- etl_writer: the session_pid column, for a warehouse made before it existed.
-- why: a refusal names the recorded holder only when that backend still holds the lock.
alter table etl_writer add column session_pid integer
