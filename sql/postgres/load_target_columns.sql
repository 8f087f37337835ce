-- target columns: one row per column of the table a client-side COPY loads, in table order.
-- why: the loader converts each JSON value by the column's type, checks varchar lengths and fits decimals to
-- numeric(p,s) (truncated, or rounded with ROUNDEC), as Redshift's COPY does. object_id (the row's load_ledger
-- object) is the loader's own column, never a JSON target: left out here.
select
    c.column_name,
    c.data_type,
    c.character_maximum_length,
    c.numeric_precision,
    c.numeric_scale
from information_schema.columns as c
where c.table_schema = current_schema()
  and c.table_name = @table
  and c.column_name <> 'object_id'
order by c.ordinal_position
