-- load table: the per-load temp table one staging table's COPYs write into, with the staging table's columns.
-- why: COPY cannot fill object_id, so rows wait here until tagged with their COPY's id, then move in one transaction.
create temp table {load_table} (like {table})
