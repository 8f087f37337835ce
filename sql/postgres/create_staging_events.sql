-- staging_events: one row per event line of log_data, columns in the order of jsonpaths/log_json_path.json.
-- object_id: the load_ledger id of the object the row came from (filled by the loader, never a JSON column;
--            NULL for rows loaded by hand or by an older pipeline).
-- why: lossless landing zone; ts stays epoch milliseconds (bigint), registration a double (written as 1.5e12-style floats).
create table if not exists staging_events (
    artist           varchar(1024),
    auth             varchar(32),
    first_name       varchar(256),
    gender           varchar(8),
    item_in_session  integer,
    last_name        varchar(256),
    length           double precision,
    level            varchar(16),
    location         varchar(1024),
    method           varchar(16),
    page             varchar(64),
    registration     double precision,
    session_id       integer,
    song             varchar(1024),
    status           integer,
    ts               bigint,
    user_agent       varchar(1024),
    user_id          varchar(32),
    object_id        bigint
)
