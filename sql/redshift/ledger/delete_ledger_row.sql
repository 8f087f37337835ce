-- delete one object's ledger row, before its 'failed' row is written.
-- why: one row per (table, key).
delete from load_ledger
where table_name = @table_name
    and object_key = @object_key
