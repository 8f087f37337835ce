-- load_errors: one row per rejected input row (or unreadable record) of a client-side COPY, shaped like Redshift's
-- STL_LOAD_ERRORS (query -> run_id, tbl holds the table's name instead of its id).
-- why: PostgreSQL has no STL_LOAD_ERRORS; on Redshift the server's own table is used and this one is not created.
-- Rows are written in their own transaction, so they survive the failed load they explain.
create table if not exists load_errors (
    run_id           varchar(64)    not null,
    tbl              varchar(128)   not null,
    starttime        timestamp      not null,
    filename         varchar(1024)  not null,
    line_number      bigint,
    colname          varchar(128),
    type             varchar(32),
    col_length       varchar(16),
    raw_line         varchar(1024),
    raw_field_value  varchar(1024),
    err_code         integer        not null,
    err_reason       varchar(512)   not null
)
