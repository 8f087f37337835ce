-- writer lock (PostgreSQL): an exclusive lock on etl_writer_lock in the run's own transaction, refused at once when held.
-- why: LOCK in a mode above ACCESS SHARE needs UPDATE, DELETE or TRUNCATE on the table, which only its owner (the
--      pipeline's owner role) has: the read-only role can neither take nor hold it (an advisory key, any role can).
--      nowait: a second writer is refused (55P03) instead of queued; the lock ends with the transaction, even a killed one.
lock table etl_writer_lock in exclusive mode nowait
