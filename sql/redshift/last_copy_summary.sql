-- last copy summary: one row, the rows and files this session's last COPY committed.
-- why: COPY's command tag carries no file count; stl_load_commits has one row per file loaded.
select
    pg_last_copy_count() as row_count,
    (select count(distinct c.filename) from stl_load_commits as c where c.query = pg_last_copy_id()) as file_count
