-- etl_stamps: one row per step (the load of a staging table, Transform): what its last successful run read and
--             what the tables it reads and writes looked like when it committed.
-- why: a rerun skips a step whose inputs (objects and their ETags, options, SQL, window) and tables (each table's
--      identity and write count, etl_writes) are what the stamp says: its work would change nothing. Written in the
--      step's own transaction, so a failed or killed step leaves the older stamp, which no longer matches.
--      result: the step's figures (rows, objects, rejected), shown again when it is skipped.
create table if not exists etl_stamps (
    step         varchar(64)    not null,
    inputs       varchar(64)    not null,
    marks        varchar(2048)  not null,
    run_id       varchar(64)    not null,
    recorded_at  timestamp      not null,
    result       varchar(2048)  not null,
    primary key (step)
)
