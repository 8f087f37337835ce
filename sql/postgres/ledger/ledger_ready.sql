-- ledger ready: true when load_ledger and staging_changes exist and @table has the bigint object_id column.
-- why: the client-side loader keeps a ledger only for tables made for it (the staging tables of CreateTables);
--      any other table (a user's, a conformance case's) loads as a plain COPY that replaces the table.
select
    to_regclass('load_ledger') is not null
    and to_regclass('staging_changes') is not null
    and exists (
        select 1
        from information_schema.columns as c
        where c.table_schema = current_schema()
          and c.table_name = @table
          and c.column_name = 'object_id'
          and c.data_type = 'bigint'
    )
