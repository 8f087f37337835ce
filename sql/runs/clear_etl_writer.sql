-- etl_writer: the previous holder's row goes when a new run takes the lock.
-- why: only the lock's current holder runs this, so the table names the holder or nobody.
delete from etl_writer
