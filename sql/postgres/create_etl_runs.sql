-- etl_runs: one row per (run_id, target): which run did what, over which window, how many rows, how it ended.
-- why: the audit trail to query after a surprising night; counts is JSON text (rows inserted/updated/deleted per
--      table, or violations per check), so adding a table needs no schema change. It survives --recreate.
create table if not exists etl_runs (
    run_id       varchar(64)    not null,
    target       varchar(32)    not null,
    window_from  date,
    window_to    date,
    started_at   timestamp      not null,
    finished_at  timestamp,
    status       varchar(16)    not null,
    counts       varchar(8192),
    detail       varchar(2048),
    primary key (run_id, target)
)
