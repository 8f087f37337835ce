-- writer lock (PostgreSQL): one session-level advisory lock per database; true when this session now holds it.
-- why: never waits, so a second writer is refused at once; the lock ends with the session, even a killed one.
select pg_try_advisory_lock(@key)
