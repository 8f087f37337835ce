-- ledger: one 'failed' row for an object whose COPY failed, written after the rollback; the next run retries it.
-- why: object_id keeps the id its old rows still carry (if any), so the retry deletes them.
insert into load_ledger (
    table_name, source, object_key, object_id, content_id, size_bytes, status, run_id, rows_loaded, rejected, loaded_at,
    day_from, day_to, load_group
)
values (
    @table_name, @source, @object_key, @object_id, @content_id, @size_bytes, 'failed', @run_id, 0, @rejected, @loaded_at,
    @day_from, @day_to, @load_group
)
