-- The keys of the warehouse's tables, for the report's "Schema" section.
-- grain: one row per column of a primary key, unique or foreign key constraint in the current schema.
-- why: keys are part of the model even where the engine only records them (Redshift). Read from pg_catalog, which
--      every role may read: information_schema shows a constraint only to the table's owner or a role with a
--      privilege other than SELECT, so the report's read-only role saw no key at all there. Redshift has the same
--      catalog tables (pg_constraint is "partially accessible"; a query of catalog tables alone runs on the leader
--      node, where conkey and confkey, int2 arrays, can be read). The derived table of positions pairs each key
--      column with the column it references (keys of more than 8 columns are not in this schema); no unnest or
--      generate_series, which Redshift lacks on user queries.
select
    t.relname as table_name,
    a.attname as column_name,
    case c.contype when 'p' then 'PRIMARY KEY' when 'u' then 'UNIQUE' else 'FOREIGN KEY' end as constraint_type,
    r.relname as references_table,
    ra.attname as references_column
from pg_constraint as c
join pg_class as t on t.oid = c.conrelid
join pg_namespace as n on n.oid = t.relnamespace
cross join (
    select 1 as i union all select 2 union all select 3 union all select 4
    union all select 5 union all select 6 union all select 7 union all select 8
) as k
join pg_attribute as a on a.attrelid = c.conrelid and a.attnum = c.conkey[k.i]
left join pg_class as r on r.oid = c.confrelid
left join pg_attribute as ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[k.i]
where n.nspname = current_schema()
  and c.contype in ('p', 'u', 'f')
order by t.relname, c.contype, k.i
