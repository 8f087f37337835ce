-- unique enforced: whether PostgreSQL itself forbids what a key check looks for (a NULL or a repeated value of
--      @columns in @table): every column NOT NULL, and a valid, ready, live unique btree index on the table, without a
--      predicate or an expression, whose key columns are all among @columns (a unique subset makes the whole key unique).
-- why: such a table cannot hold an offending row, so the check's scan (a grouping of every row: about 0.1-0.4
--      CPU-seconds each at scale 100) would return none. When the index or a NOT NULL is missing (dropped by hand, an
--      index left invalid by a failed build), this says false and Verify runs the check (docs/schema.md).
--      to_regclass resolves the name as the check's own query does (the search_path).
with t as (
    select to_regclass(@table) as relid
),
cols as (
    select a.attnum, a.attnotnull
    from pg_attribute a
    join t on a.attrelid = t.relid
    where a.attname = any(@columns) and a.attnum > 0 and not a.attisdropped
)
select
    (select count(*) from cols) = cardinality(@columns)
    and coalesce((select bool_and(c.attnotnull) from cols c), false)
    and exists (
        select 1
        from pg_index i
        join pg_class ic on ic.oid = i.indexrelid
        join pg_am am on am.oid = ic.relam
        where i.indrelid = (select t.relid from t)
          and i.indisunique and i.indisvalid and i.indisready and i.indislive
          and i.indpred is null and i.indexprs is null
          and am.amname = 'btree'
          and not exists (
              select 1
              from generate_series(0, i.indnkeyatts - 1) n
              where i.indkey[n] not in (select c.attnum from cols c)
          )
    ) as enforced
