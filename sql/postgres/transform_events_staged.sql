-- transform_events (work view): the staged events a Transform reads (sql/transform/10_users.sql and
--      40_songplays_staged.sql): here all of staging_events, for a full, window or daily-with-clean-up run.
-- why: one name for "the events this run transforms" keeps each statement's source one relation, whichever run it
--      is (transform_events_recent.sql is a daily run's). A view of one table is planned as the table itself, with
--      its statistics: a full run costs what reading staging_events directly does. Temporary, so no other session
--      sees it; 99_work_tables_dropped.sql drops it with the work tables.
create temp view transform_events as
select *
from staging_events
