-- verify session (PostgreSQL): each quality check runs in its one backend, without parallel workers.
-- why: Verify runs two checks at once, one per core of the local profile; parallel workers on top oversubscribe the
--      cores, and with them the planner picked a merge anti join with two sorts (songplays_fact_has_staged_event 3.3-4.5 s
--      at scale 100) where one backend hashes in about 1.1 s (issue 13, docs/schema.md). Redshift plans on its own.
select set_config('max_parallel_workers_per_gather', '0', false)
