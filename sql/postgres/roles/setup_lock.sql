-- setup_lock: waits for (then holds) the one session-level advisory lock of the local cluster's role and database set-up.
-- why: alter role, grant and revoke update one catalog row each (pg_authid, pg_database) without a lock of their own, so
--      two runs doing them at once fail with XX000 'tuple concurrently updated'; runs take turns instead, for milliseconds.
--      create database cannot run in a transaction, so the lock is the session's (released by setup_unlock.sql).
select pg_advisory_lock(@key)
