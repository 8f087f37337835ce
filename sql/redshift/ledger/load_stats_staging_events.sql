-- load stats of one COPY into staging_events: one row, its rows and their first and last ts (epoch milliseconds).
-- why: the ledger and staging_changes record the UTC days an object's events cover, so Transform recomputes only those.
select
    count(*) as row_count,
    min(s.ts) as ts_from,
    max(s.ts) as ts_to
from load_staging_events as s
where s.object_id = @object_id
