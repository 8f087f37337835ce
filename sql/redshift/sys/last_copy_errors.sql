-- last copy errors, SYS views only: the first rejected rows of this session's last failed COPY, one row per entry.
-- why: Redshift Serverless has no STL load views; SYS_LOAD_ERROR_DETAIL has no raw line or raw value (left empty).
select
    trim(e.file_name) as filename,
    e.line_number,
    trim(e.column_name) as colname,
    trim(e.column_type) as type,
    case when trim(e.column_length) ~ '^[0-9]+$' then trim(e.column_length)::integer end as col_length,
    '' as raw_line,
    '' as raw_field_value,
    e.error_code as err_code,
    trim(e.error_message) as err_reason
from sys_load_error_detail as e
where
    e.session_id = pg_backend_pid()
    and e.query_id = (
        select max(d.query_id) from sys_load_error_detail as d
        where d.session_id = pg_backend_pid()
    )
order by e.start_time, e.line_number
limit 10
