-- load stats of one COPY into staging_songs: one row, its rows (songs have no days).
-- why: the ledger records the rows each COPY loaded.
select
    count(*) as row_count,
    cast(null as bigint) as ts_from,
    cast(null as bigint) as ts_to
from load_staging_songs as s
where s.object_id = @object_id
