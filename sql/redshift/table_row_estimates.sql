-- row estimates: one row per star-schema table, Redshift's row count for it (svv_table_info.tbl_rows).
-- why: Transform analyzes a table whose size one of its statements changed by a tenth or more (the same rule as on
--      PostgreSQL), so later statements and Verify are planned for the table as it is now.
select cast(t."table" as varchar(128)) as table_name, cast(t.tbl_rows as bigint) as row_estimate
from svv_table_info t
where t."schema" = current_schema()
  and t."table" in ('songplays', 'users', 'songs', 'artists', 'time')
