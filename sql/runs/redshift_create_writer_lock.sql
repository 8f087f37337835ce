-- etl_writer_lock: no rows; the table exists to be locked by the run that writes the warehouse.
-- why: Redshift has no advisory locks; LOCK on a table in an open transaction is its one cross-session mutex.
create table if not exists etl_writer_lock (
    id  integer
)
