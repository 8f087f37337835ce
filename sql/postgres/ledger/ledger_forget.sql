-- ledger forget: removes @table's ledger rows of the keys @keys (objects reloaded or gone), inside the load's transaction.
-- why: the load then writes the new rows' entries; a key is one row (primary key table_name, object_key).
delete from load_ledger
where table_name = @table
  and object_key = any(@keys)
