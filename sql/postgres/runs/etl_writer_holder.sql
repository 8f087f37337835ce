-- etl_writer (PostgreSQL): the recorded holder of the writer lock, only while its session still holds the lock.
-- why: a refusal must name a live holder: the row of a run that ended (or of one that has not recorded itself yet)
--      is not the holder, whatever it says.
select
    w.run_id,
    w.holder,
    w.target,
    w.started_at
from etl_writer w
where exists (
    select 1
    from pg_locks l
    where l.pid = w.session_pid
      and l.locktype = 'relation'
      and l.relation = 'etl_writer_lock'::regclass
      and l.granted
)
