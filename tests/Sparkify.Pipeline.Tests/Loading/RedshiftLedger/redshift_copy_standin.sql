-- What a Redshift ledger load reads that only Redshift has, besides the load views (Fixtures/redshift_sys_views.sql):
-- pg_last_copy_id(), the last COPY the test's COPY stand-in (RedshiftStandIn) logged. It writes the views on a
-- connection of its own, as Redshift logs loads outside the transaction.
create table standin_copies (query_id integer);
create function pg_last_copy_id() returns integer language sql as 'select coalesce(max(query_id), -1) from standin_copies';
