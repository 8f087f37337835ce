-- one-backend session (PostgreSQL): each query of Verify and Report runs in its one backend, without parallel workers.
-- why: both run two queries at once, one per core of the local profile; parallel workers on top oversubscribe the
--      cores. With them the planner picked a merge anti join with two sorts for a check (songplays_fact_has_staged_event
--      3.3-4.5 s at scale 100) where one backend hashes in about 1.1 s (issue 13, docs/schema.md), and a lone Report's
--      backends took about 10% more CPU (issue 29, docs/report.md). Redshift plans on its own.
select set_config('max_parallel_workers_per_gather', '0', false)
