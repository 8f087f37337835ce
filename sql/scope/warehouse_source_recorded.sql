-- warehouse_source: replaces the one row with the source this transaction's staging load reads.
-- why: written in the load's own transaction (docs/reruns.md), so a crash leaves the old source with the old rows.
delete from warehouse_source;

insert into warehouse_source (source, set_by_run, set_at)
values (@source, @run_id, @set_at)
