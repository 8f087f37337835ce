-- load summary: one row, the rows, files and rejected rows of this session's last COPY.
-- why: COPY's command tag carries no file count; SYS_LOAD_DETAIL has one row per file and SYS_LOAD_HISTORY one per
--      COPY with its error count, on every Redshift shape (STL_LOAD_COMMITS is missing on Serverless and Multi-AZ).
select
    pg_last_copy_count() as row_count,
    (select count(distinct d.file_name) from sys_load_detail as d where d.query_id = pg_last_copy_id()) as file_count,
    (select coalesce(max(h.error_count), 0) from sys_load_history as h where h.query_id = pg_last_copy_id()) as rejected
