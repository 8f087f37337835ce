-- object rows with days: per object (ids @ids) of staging_events, its rows and the UTC days of their ts.
-- why: the ledger keeps each event object's days, so a changed or removed object tells Transform which days to
--      recompute (staging_changes); ts is epoch milliseconds, turned into a day as Transform turns it into time.
--      The fallback when the client could not count while writing (ClientLedger: a ts beyond the years 1 to 9999).
--      @whole_table: the load replaced the table, so every row is this load's (no array to test per row).
--      Days outside the years 1 to 9999 are NULL, "unknown": the next Transform then runs in full (PendingChanges).
select
    e.object_id,
    count(*) as row_count,
    case when min(e.ts) >= -62135596800000 and max(e.ts) < 253402300800000
        then cast(timestamp 'epoch' + (min(e.ts) / 1000) * interval '1 second' as date) end as day_from,
    case when min(e.ts) >= -62135596800000 and max(e.ts) < 253402300800000
        then cast(timestamp 'epoch' + (max(e.ts) / 1000) * interval '1 second' as date) end as day_to
from staging_events as e
where (@whole_table or e.object_id = any(@ids))
group by e.object_id
