-- One COPY's rows in the stand-ins of Redshift's load system views (Fixtures/redshift_sys_views.sql makes them):
-- query 42, this session's last, with two load errors, and an older COPY's. RedshiftLoadDiagnosticsTests reads them.
create function pg_last_copy_id() returns integer language sql as 'select 42';
create function pg_last_copy_count() returns bigint language sql as 'select cast(1234 as bigint)';
insert into sys_load_error_detail (query_id, start_time, file_name, line_number, column_name, column_type, column_length, error_code, error_message)
values
    (42, '2026-12-07 10:00:00', 's3://b/log_data/2018-11-02-events.json', 17, 'item_in_session', 'int4', '', 1207,
     'Invalid digit, Value ''x'', Pos 0, Type: Integer'),
    (42, '2026-12-07 10:00:00', 's3://b/log_data/2018-11-03-events.json', 5, 'level', 'varchar', '16', 1204,
     'String length exceeds DDL length'),
    (41, '2026-12-07 09:00:00', 's3://b/older.json', 1, 'ts', 'int8', '', 1207, 'an older COPY');
insert into sys_load_detail (query_id, file_name) values
    (42, 's3://b/log_data/2018-11-02-events.json'), (42, 's3://b/log_data/2018-11-03-events.json'), (41, 's3://b/older.json');
insert into sys_load_history (query_id, loaded_rows, error_count) values (42, 1234, 2), (41, 10, 1);
