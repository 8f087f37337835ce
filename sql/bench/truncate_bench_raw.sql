-- bench_raw: emptied between the two staging tables and after the load.
-- why: the scratch table holds one table's lines at a time.
truncate bench_raw
