-- etl_runs: one row per (run_id, target): which run did what, over which window, how many rows, how it ended.
-- why: a few rows per run: diststyle all; sortkey started_at serves "the last runs" queries. The key is informational.
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
diststyle all
sortkey (started_at)
