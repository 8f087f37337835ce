-- staging_changes: one row per object a staging load added, changed or removed that Transform has not consumed yet.
-- why: written by the load in its own transaction, read and deleted by Transform in its transaction, so Transform
--      recomputes only what changed (docs/reruns.md). day_from/day_to: staging_events only, the UTC days of the
--      object's old and new rows together; NULL = unknown, which makes Transform run in full.
create table if not exists staging_changes (
    run_id      varchar(64)    not null,
    table_name  varchar(64)    not null,
    object_key  varchar(1024)  not null,
    change      varchar(16)    not null,
    day_from    date,
    day_to      date
)
