-- copied files: one row per file this session's last COPY read, with its lines scanned and its rejected records.
-- why: COPY FROM is a prefix and S3 changes under a run; the load commits only when these are exactly the files it
--      listed and will record in the ledger. SYS_ views exist on every Redshift shape (STL_LOAD_COMMITS does not).
select
    trim(d.file_name) as file_name,
    sum(d.lines_scanned) as lines_scanned,
    coalesce(max(e.rejected), 0) as rejected
from sys_load_detail as d
left join (
    select
        trim(x.file_name) as file_name,
        count(*) as rejected
    from sys_load_error_detail as x
    where x.query_id = pg_last_copy_id()
    group by trim(x.file_name)
) as e on e.file_name = trim(d.file_name)
where d.query_id = pg_last_copy_id()
group by trim(d.file_name)
order by file_name
