-- load errors of runs: one row per rejected record the given runs recorded, first 100 in table, file and line order.
-- why: the run summary lists them, so a failed or partial load can be read without a database client; a load
--      skipped as up to date shows the errors of the run whose load the table still holds.
select
    e.tbl,
    e.filename,
    e.line_number,
    e.colname,
    e.raw_field_value,
    e.err_code,
    e.err_reason
from load_errors as e
where e.run_id = any(@run_ids)
order by e.tbl, e.filename, e.line_number
limit 100
