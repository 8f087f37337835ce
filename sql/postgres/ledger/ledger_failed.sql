-- ledger failed: records that the object @object_key of @table could not be loaded, after its load rolled back.
-- why: the next run retries an object that is not 'loaded' (docs/reruns.md). object_id stays the id of the rows
--      staging still holds for the key (its last good load), so the retry replaces them; day_* keep their days.
insert into load_ledger (
    table_name, source, object_key, object_id, content_id, size_bytes, status, run_id, rows_loaded, rejected,
    loaded_at, day_from, day_to, load_group
)
values (
    @table, @source, @object_key, @object_id, @content_id, @size_bytes, 'failed', @run_id, 0, @rejected,
    @loaded_at, null, null, @object_id
)
on conflict (table_name, object_key) do update
set content_id = excluded.content_id,
    size_bytes = excluded.size_bytes,
    status = 'failed',
    run_id = excluded.run_id,
    rejected = excluded.rejected,
    loaded_at = excluded.loaded_at
