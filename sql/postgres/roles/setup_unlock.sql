-- setup_unlock: releases the set-up lock setup_lock.sql took (true when this session held it).
-- why: the admin connection goes back to the pool, where a session lock would outlive the set-up.
select pg_advisory_unlock(@key)
