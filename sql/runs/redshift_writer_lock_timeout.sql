-- writer lock (Redshift): bound the wait for the lock to one second (milliseconds).
-- why: LOCK waits for the holder's transaction; a second writer must be refused within a second, not queued.
set statement_timeout to 1000
