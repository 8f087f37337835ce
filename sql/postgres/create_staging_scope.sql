-- staging_scope: at most one row: what staging_events holds, written by StageCopy in the transaction that loads it.
-- why: Transform and Verify without --from/--to follow it (docs/reruns.md): day_from/day_to NULL = the whole
--      source, so a full run rebuilds the star schema; days = a windowed StageCopy, so only those days are replaced.
create table if not exists staging_scope (
    run_id     varchar(64)    not null,
    staged_at  timestamp      not null,
    source     varchar(1024)  not null,
    day_from   date,
    day_to     date
)
