-- last copy summary, SYS views only: one row, the rows and files this session's last COPY committed.
-- why: Redshift Serverless has no STL load views; SYS_LOAD_HISTORY has one row per COPY with its file count.
select
    pg_last_copy_count() as row_count,
    coalesce((
        select h.source_file_count from sys_load_history as h
        where h.session_id = pg_backend_pid()
        order by h.start_time desc
        limit 1
    ), 0) as file_count
