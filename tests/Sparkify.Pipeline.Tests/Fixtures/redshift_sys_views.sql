-- Stand-ins on PostgreSQL for Redshift's load system views, with the columns the Database Developer Guide lists
-- (SYS_LOAD_ERROR_DETAIL, SYS_LOAD_DETAIL, SYS_LOAD_HISTORY): a test double for what cannot run here, Redshift itself.
-- One home for their shape: the diagnostics' tests (Loading/redshift_system_views.sql) and the ledger load's COPY
-- stand-in (Loading/RedshiftLedger/redshift_copy_standin.sql) add their own pg_last_copy_id() and rows after it.
create table sys_load_error_detail (
    user_id integer, query_id bigint, transaction_id bigint, session_id integer, database_name char(64), table_id integer,
    start_time timestamp, file_name char(256), line_number bigint, column_name char(127), column_type char(10),
    column_length char(10), position integer, error_code integer, error_message char(512)
);
create table sys_load_detail (query_id bigint, file_name char(256), lines_scanned bigint, record_time timestamp);
create table sys_load_history (query_id bigint, session_id integer, status text, table_name text, loaded_rows bigint, error_count bigint);
