-- etl_writer: one row when etl_writer has its session_pid column (a warehouse made before it existed has not).
-- why: create table if not exists leaves an older table as it was; the holder then adds the column.
select 1
from information_schema.columns c
where c.table_name = 'etl_writer'
  and c.column_name = 'session_pid'
