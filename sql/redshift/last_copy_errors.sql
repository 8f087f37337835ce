-- last copy errors: the first rejected rows of this session's last COPY, one row per STL_LOAD_ERRORS entry.
-- why: a failed COPY only says "check stl_load_errors"; the pipeline reports file, line, column, value and reason itself.
select
    trim(e.filename) as filename,
    e.line_number,
    trim(e.colname) as colname,
    trim(e.type) as type,
    e.col_length,
    trim(e.raw_line) as raw_line,
    trim(e.raw_field_value) as raw_field_value,
    e.err_code,
    trim(e.err_reason) as err_reason
from stl_load_errors as e
where e.query = pg_last_copy_id()
order by e.starttime, e.line_number
limit 10
