-- grant_reader_usage: the read-only user may look up objects in schema public.
-- why: SELECT on a table needs USAGE on its schema.
grant usage on schema public to sparkify_reader
