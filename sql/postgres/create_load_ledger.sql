-- load_ledger: one row per (table_name, object_key) a staging load knows: the object's content identity, and whether
--              its rows are in the table ('loaded') or its last load failed ('failed', retried by the next run).
-- why: a daily run loads only new and changed objects, replaces a changed object's rows (by object_id, the id its
--      staging rows carry) and removes those of objects that left the source; a 'loaded' row is written in the
--      transaction of the rows it describes, so the ledger and staging never disagree (docs/reruns.md).
--      day_from/day_to: staging_events only, the UTC days of the object's rows' ts (NULL = none or unknown);
--      load_group: the COPY that loaded it (Redshift), = object_id on PostgreSQL.
create table if not exists load_ledger (
    table_name   varchar(64)    not null,
    source       varchar(1024)  not null,
    object_key   varchar(1024)  not null,
    object_id    bigint         not null,
    content_id   varchar(128)   not null,
    size_bytes   bigint         not null,
    status       varchar(16)    not null,
    run_id       varchar(64)    not null,
    rows_loaded  bigint         not null,
    rejected     bigint         not null,
    loaded_at    timestamp      not null,
    day_from     date,
    day_to       date,
    load_group   bigint,
    primary key (table_name, object_key)
)
