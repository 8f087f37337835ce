-- report session (PostgreSQL): each analytics and data-docs query runs in its one backend, without parallel workers.
-- why: the report runs two queries at once, one per core of the local profile; parallel workers on top oversubscribe
--      the cores. At scale 100 a lone Report's backends took about 10% less CPU without them (issue 29,
--      docs/report.md), as Verify's do (verify_session.sql). Redshift plans on its own.
set max_parallel_workers_per_gather = 0
