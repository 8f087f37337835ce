-- staging changes copy: one row per object a load added, changed or removed, inside the load's transaction.
-- why: Transform recomputes only what these touch, then deletes them in its own transaction (docs/reruns.md).
copy staging_changes (run_id, table_name, object_key, change, day_from, day_to) from stdin (format binary)
