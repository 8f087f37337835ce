-- ledger copy: the 'loaded' entries of a load's objects, as one binary COPY inside the load's transaction.
-- why: one statement for any number of objects (10,101 at scale 100), never an insert per object.
copy load_ledger (
    table_name, source, object_key, object_id, content_id, size_bytes, status, run_id, rows_loaded, rejected,
    loaded_at, day_from, day_to, load_group
) from stdin (format binary)
