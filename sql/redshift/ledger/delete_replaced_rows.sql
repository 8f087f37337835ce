-- delete the staging rows of every changed, removed and reloaded object, by the ids the ledger gave them.
-- why: a changed object's rows are replaced, never appended; runs in the swap's transaction with the insert below.
delete from {table}
where object_id in (select o.old_object_id from load_objects as o where o.old_object_id is not null)
