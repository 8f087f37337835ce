-- load errors with the raw line: load_errors.sql plus the rejected line and value from STL_LOAD_ERRORS.
-- why: SYS_LOAD_ERROR_DETAIL lacks the raw line, which says most about a bad record; STL_LOAD_ERRORS has it, but only
--      on provisioned single-AZ clusters, so this file is read only there. A row missing in STL keeps its SYS fields.
select
    trim(e.file_name) as filename,
    e.line_number,
    trim(e.column_name) as colname,
    trim(e.column_type) as type,
    trim(e.column_length) as col_length,
    coalesce(trim(s.raw_line), '') as raw_line,
    coalesce(trim(s.raw_field_value), '') as raw_field_value,
    e.error_code,
    trim(e.error_message) as err_reason
from sys_load_error_detail as e
left join stl_load_errors as s
    on s.query = pg_last_copy_id()
    and trim(s.filename) = trim(e.file_name)
    and s.line_number = e.line_number
    and trim(s.colname) = trim(e.column_name)
where e.query_id = pg_last_copy_id()
order by e.start_time, e.file_name, e.line_number
limit 10
