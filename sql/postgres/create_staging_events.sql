-- staging_events: one row per event line of log_data, columns in the order of jsonpaths/log_json_path.json.
-- object_id: the load_ledger id of the object the row came from (filled by the loader, never a JSON column;
--            NULL for rows loaded by hand or by an older pipeline).
-- why: lossless landing zone; ts stays epoch milliseconds (bigint), registration a double (written as 1.5e12-style floats).
-- staging_events_ts: a BRIN index on ts (PostgreSQL only; Redshift has no indexes) for a daily Transform's reads of
--      its changed days: rows land in object order, one day's objects together, so each range of pages spans a few
--      hours and a day's 41 thousand events of 823 thousand are found without reading the rest (issue 27). BRIN,
--      not a btree: a COPY into unsummarized pages costs it nothing (a btree on ts cost a full load about 1 CPU-second
--      at scale 100); the daily Transform summarizes new pages first (sql/postgres/staging_events_summarized.sql).
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
);

create index if not exists staging_events_ts on staging_events using brin (ts)
