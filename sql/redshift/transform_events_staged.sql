-- transform_events (work view): the staged events a Transform reads (sql/transform/10_users.sql and
--      40_songplays_staged.sql): on Redshift always all of staging_events (every Transform there is full or windowed).
-- why: the statements read one relation whichever run it is (sql/postgres/transform_events_staged.sql). Redshift makes
--      a temporary view only under a '#' name, which PostgreSQL cannot read, so this is a plain view: made and dropped
--      (99_work_tables_dropped.sql) inside Transform's one transaction, it is never seen by another session and a
--      failed run leaves nothing. No "or replace": a view of this name that the pipeline did not make stops the run.
create view transform_events as
select *
from staging_events
