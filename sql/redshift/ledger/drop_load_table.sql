-- drop the per-load temp table a pooled session may still hold from an earlier load.
-- why: temp tables live as long as the session, and connections are pooled.
drop table if exists {load_table}
