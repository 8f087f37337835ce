-- Stand-ins on PostgreSQL for what a Redshift ledger load reads that only Redshift has: the load views with the
-- Database Developer Guide's columns (SYS_LOAD_DETAIL, SYS_LOAD_ERROR_DETAIL) and pg_last_copy_id(). The test's COPY
-- stand-in (RedshiftStandIn) writes them on a connection of its own, as Redshift logs loads outside the transaction.
create table standin_copies (query_id integer);
create table sys_load_detail (query_id bigint, file_name char(256), lines_scanned bigint, record_time timestamp);
create table sys_load_error_detail (
    user_id integer, query_id bigint, transaction_id bigint, session_id integer, database_name char(64), table_id integer,
    start_time timestamp, file_name char(256), line_number bigint, column_name char(127), column_type char(10),
    column_length char(10), position integer, error_code integer, error_message char(512)
);
create function pg_last_copy_id() returns integer language sql as 'select coalesce(max(query_id), -1) from standin_copies';
