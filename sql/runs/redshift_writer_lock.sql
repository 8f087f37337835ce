-- writer lock (Redshift): an exclusive lock on etl_writer_lock, held until the run's transaction ends.
-- why: the transaction stays open for the whole run, so the lock ends with the run's session, even a killed one.
lock etl_writer_lock
