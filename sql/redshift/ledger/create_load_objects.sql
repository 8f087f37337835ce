-- load objects: the per-load temp table of what this load does with each object (one row per object).
-- why: the swap deletes, inserts and writes the ledger and staging_changes from it, set-based, in one transaction.
create temp table load_objects (
    object_key       varchar(1024) not null,
    change           varchar(16) not null,
    object_id        bigint,
    load_group       bigint,
    content_id       varchar(128),
    size_bytes       bigint,
    rows_loaded      bigint,
    rejected         bigint,
    day_from         date,
    day_to           date,
    old_object_id    bigint,
    change_day_from  date,
    change_day_to    date
)
