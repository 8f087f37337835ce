-- staging_scope: replaces the one row with what the staging_events load of this transaction holds.
-- why: written in the load's own transaction, so staging and its recorded scope never disagree, even after a crash;
--      @day_from/@day_to are NULL for the whole source, else the --from/--to days StageCopy loaded.
delete from staging_scope;

insert into staging_scope (run_id, staged_at, source, day_from, day_to)
values (@run_id, @staged_at, @source, @day_from, @day_to)
