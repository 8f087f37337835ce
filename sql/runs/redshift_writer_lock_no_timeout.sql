-- writer lock (Redshift): the lock is held; lift the one-second bound again for this session.
-- why: statement_timeout is per session; the held transaction runs no statement, but the setting must not linger.
set statement_timeout to 0
