-- load errors of a run: one row per rejected record the given run recorded, first 100 in table, file and line order.
-- why: the run summary lists them, so a failed or partial load can be read without a database client.
select
    e.tbl,
    e.filename,
    e.line_number,
    e.colname,
    e.raw_field_value,
    e.err_code,
    e.err_reason
from load_errors as e
where e.run_id = @run_id
order by e.tbl, e.filename, e.line_number
limit 100
