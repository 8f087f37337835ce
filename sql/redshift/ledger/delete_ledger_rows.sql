-- delete the ledger rows of every object this load loads again or removes.
-- why: the ledger has one row per (table, key); the new rows follow in the same transaction.
delete from load_ledger
where table_name = @table_name
    and object_key in (select o.object_key from load_objects as o)
