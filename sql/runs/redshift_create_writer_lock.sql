-- etl_writer_lock: no rows; the table exists to be locked by the run that writes the warehouse (both dialects).
-- why: a table lock needs a privilege on the table that only its owner holds (the read-only role is granted nothing on
--      it), unlike PostgreSQL's advisory locks, which any role may take; Redshift has no advisory locks at all.
create table if not exists etl_writer_lock (
    id  integer
)
