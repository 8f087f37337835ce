-- etl_writer: at most one row, the run that holds the warehouse's writer lock (or held it last).
-- why: the lock itself cannot say who holds it on Redshift; a refused run reads this row to name the holder, and
--      session_pid (the lock session's backend) tells a live holder from a run that has ended.
create table if not exists etl_writer (
    run_id       varchar(64)   not null,
    holder       varchar(256)  not null,
    target       varchar(32)   not null,
    started_at   timestamp     not null,
    session_pid  integer
)
