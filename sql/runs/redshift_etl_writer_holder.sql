-- etl_writer (Redshift): the recorded holder of the writer lock, only while its session still holds the lock.
-- why: a refusal must name a live holder. svv_transactions lists the locks of open transactions (pid, relation,
--      granted); the writer's login sees every row (Redshift Developer Guide, SVV_TRANSACTIONS).
select
    w.run_id,
    w.holder,
    w.target,
    w.started_at
from etl_writer w
where exists (
    select 1
    from svv_transactions t
    inner join pg_class c on c.oid = t.relation
    where t.pid = w.session_pid
      and c.relname = 'etl_writer_lock'
      and t.granted
)
