-- target columns: one row per column of the table a client-side COPY loads, in table order.
-- why: the loader converts each JSON value by the column's type and checks varchar lengths, as Redshift's COPY does.
select
    c.column_name,
    c.data_type,
    c.character_maximum_length
from information_schema.columns as c
where c.table_schema = current_schema()
  and c.table_name = @table
order by c.ordinal_position
