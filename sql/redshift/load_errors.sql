-- load errors: the first rejected rows of this session's last COPY, one row per SYS_LOAD_ERROR_DETAIL entry.
-- why: SYS_ views exist on provisioned clusters (single-AZ and Multi-AZ) and on Serverless alike; STL_LOAD_ERRORS
--      does not. SYS_LOAD_ERROR_DETAIL has no raw line or raw value, so those are empty here (load_errors_with_raw_line.sql
--      adds them where STL exists). Its query_id is pg_last_copy_id() (the guide's SYS_LOAD_DETAIL example).
select
    trim(e.file_name) as filename,
    e.line_number,
    trim(e.column_name) as colname,
    trim(e.column_type) as type,
    trim(e.column_length) as col_length,
    '' as raw_line,
    '' as raw_field_value,
    e.error_code,
    trim(e.error_message) as err_reason
from sys_load_error_detail as e
where e.query_id = pg_last_copy_id()
order by e.start_time, e.file_name, e.line_number
limit 10
