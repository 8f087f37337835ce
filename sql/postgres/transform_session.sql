-- transform session (PostgreSQL): inside Transform's transaction, the planner prices the rows parallel workers
--      hand to the leader nearer to what they cost on the local profile's two cores.
-- why: at the defaults (parallel_tuple_cost 0.1, parallel_setup_cost 1000) the planner kept the ranking of the
--      0.7 million events (40_songplays_staged.sql) in one process, and for the users' latest events
--      (10_users.sql) built the grouping's hash once in each of three processes; at 0.02 and 100 it sorts the events
--      in two processes and groups the users' events in parallel (0.6 s -> 0.4 s and 1.9 s -> 1.7 s at scale 100,
--      issue 13). Transform runs one statement at a time, so the workers do not compete with each other (Verify,
--      two checks at once, turns them off: one_backend_session.sql). Local to the transaction: the pooled connection
--      keeps nothing. Redshift plans on its own.
select set_config('parallel_tuple_cost', '0.02', true), set_config('parallel_setup_cost', '100', true)
