-- The columns of the warehouse's tables, for the report's "Schema" section.
-- grain: one row per column of a table in the current schema, in table then column order.
-- why: information_schema is what both PostgreSQL and Redshift expose; lengths, precision and scale make the type.
select
    c.table_name,
    c.column_name,
    c.data_type,
    c.character_maximum_length,
    c.numeric_precision,
    c.numeric_scale,
    c.is_nullable
from information_schema.columns as c
where c.table_schema = current_schema()
order by c.table_name, c.ordinal_position
