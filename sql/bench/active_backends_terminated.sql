-- backends: one row per other backend of this database inside a transaction, each terminated (history case h2's
--           crash), with the start of the statement it was running.
-- why: a Transform killed partway, as a kill -9 of its process or a lost connection leaves it; the server rolls its
--      transaction back. Only the benchmark's own Transform is in a transaction on its throwaway server then.
select pg_terminate_backend(a.pid) as terminated, left(regexp_replace(a.query, '\s+', ' ', 'g'), 40) as statement
from pg_stat_activity a
where a.datname = current_database()
  and a.pid <> pg_backend_pid()
  and a.state in ('active', 'idle in transaction')
  and a.xact_start is not null
