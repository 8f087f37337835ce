-- ledger forget table: removes every ledger row of @table, inside the transaction that truncates it.
-- why: a replacing load (the first, --force, or after a write the ledger did not see) rewrites the table whole.
delete from load_ledger
where table_name = @table
