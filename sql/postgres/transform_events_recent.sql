-- transform_events (work view): a daily run's events after only additions: the staged events from its first
--      changed day on, which sql/daily/transform_recent_filled.sql read once into transform_recent.
-- why: the users' latest events and the changed days' facts are all there (10_users.sql says why), so neither
--      statement scans all of staging_events for a day's events. After a removal or change the users need every
--      staged event, and the run reads transform_events_staged.sql's view instead.
create temp view transform_events as
select *
from transform_recent
