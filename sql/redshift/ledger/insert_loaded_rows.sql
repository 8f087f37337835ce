-- insert the rows of this load into the staging table, each with the id of the COPY that read it.
-- why: the swap's second half; same transaction as the delete, the ledger and staging_changes.
insert into {table} ({columns}, object_id)
select {columns}, object_id
from {load_table}
