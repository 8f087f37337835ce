-- reader_exists: one row when the read-only user exists, none otherwise.
-- why: Redshift has no "create user if not exists"; CreateTables creates it once and alters it on reruns.
select 1 from pg_user where usename = 'sparkify_reader'
