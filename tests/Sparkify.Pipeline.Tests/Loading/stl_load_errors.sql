-- Stand-in for STL_LOAD_ERRORS (provisioned single-AZ clusters only), with the columns the pipeline reads.
create table stl_load_errors (
    query integer, session integer, filename char(256), line_number bigint, colname char(127), raw_line char(1024),
    raw_field_value char(1024)
);
insert into stl_load_errors (query, filename, line_number, colname, raw_line, raw_field_value) values
    (42, 's3://b/log_data/2018-11-02-events.json', 17, 'item_in_session', '{"itemInSession": "x7"}', 'x7');
