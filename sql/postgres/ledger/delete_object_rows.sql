-- delete object rows: removes from {table} the rows of the objects @ids (changed or gone), inside the load's transaction.
-- why: a changed object's rows are replaced, never appended; {table} is a checked, quoted identifier.
delete from {table}
where object_id = any(@ids)
