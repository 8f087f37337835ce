-- The keys of the warehouse's tables, for the report's "Schema" section.
-- grain: one row per column of a primary key, unique or foreign key constraint in the current schema.
-- why: keys are part of the model even where the engine only records them (Redshift); a foreign key names the
--      table and column it references through the unique constraint it points at.
select
    kcu.table_name,
    kcu.column_name,
    tc.constraint_type,
    rk.table_name as references_table,
    rk.column_name as references_column
from information_schema.table_constraints as tc
join information_schema.key_column_usage as kcu
    on kcu.constraint_schema = tc.constraint_schema
    and kcu.constraint_name = tc.constraint_name
    and kcu.table_name = tc.table_name
left join information_schema.referential_constraints as rc
    on rc.constraint_schema = tc.constraint_schema
    and rc.constraint_name = tc.constraint_name
left join information_schema.key_column_usage as rk
    on rk.constraint_schema = rc.unique_constraint_schema
    and rk.constraint_name = rc.unique_constraint_name
    and rk.ordinal_position = kcu.position_in_unique_constraint
where tc.table_schema = current_schema()
  and tc.constraint_type in ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
order by kcu.table_name, tc.constraint_type, kcu.ordinal_position
