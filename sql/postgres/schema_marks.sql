-- schema marks: one fingerprint of what CreateTables made in the current schema (@tables): each table's identity
--               (its oid, '-' when missing), its live columns and types, its triggers (and whether enabled), its
--               indexes, the counting function's source, and the database's own identity; and whether etl_stamps exists.
-- why: CreateTables is skipped when this equals what its last run recorded (etl_stamps, step CreateTables): a table
--      dropped or made again, a column dropped, a trigger disabled or dropped behind the pipeline's back changes it,
--      and the DDL runs again. One catalog query, so a daily run's CreateTables costs a round trip, not 20 statements.
with t as (
    select n.name, to_regclass(n.name) as rel
    from unnest(@tables::text[]) as n(name)
)
select md5(concat_ws('|',
    (select d.oid::text || ':' || d.datname || ':' || current_schema() from pg_database d where d.datname = current_database()),
    (select string_agg(t.name || ':' || coalesce(t.rel::oid::text, '-'), ',' order by t.name) from t),
    (select string_agg(a.attrelid::oid::text || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull::text,
                       ',' order by a.attrelid, a.attnum)
     from pg_attribute a where a.attrelid in (select rel from t) and a.attnum > 0 and not a.attisdropped),
    (select string_agg(g.tgrelid::oid::text || '.' || g.tgname || ':' || g.tgenabled::text || ':' || g.tgfoid::text, ',' order by g.tgrelid, g.tgname)
     from pg_trigger g where g.tgrelid in (select rel from t) and not g.tgisinternal),
    (select string_agg(i.indrelid::oid::text || '.' || i.indexrelid::oid::text, ',' order by i.indrelid, i.indexrelid)
     from pg_index i where i.indrelid in (select rel from t)),
    (select p.oid::text || ':' || p.prosecdef::text || ':' || md5(p.prosrc) from pg_proc p where p.oid = to_regprocedure('etl_writes_counted()'))
)) as marks,
to_regclass('etl_stamps') is not null as stamps_exist
