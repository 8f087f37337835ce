-- delete the staging rows no object owns (object_id null: an older pipeline's full load), on a table's first ledger load.
-- why: the first ledger load replaces the table, as the full load before it did.
delete from {table}
where object_id is null
