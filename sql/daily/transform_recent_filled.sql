-- transform_recent (work table): a daily Transform's staged events from its first changed day on (@from_ms), read
--      once here and then by keys_across_days.sql and, after only additions, by sql/transform/ (through the view
--      transform_events, sql/postgres/transform_events_recent.sql) instead of all of staging_events.
-- why: those statements each scanned the whole table for a day's events (six scans of 823 thousand events for 41
--      thousand at scale 100, issue 27). An index on ts would find them without a scan, but every load would keep
--      it: a BRIN index cost a full load of staging_events about 0.5 CPU-seconds of the server (a btree about 1.5),
--      more than this one scan per daily run. From the first changed day on, not only its days: a user's latest
--      event may be on a later day (10_users.sql). Filled only by a daily run; every other run leaves it empty and
--      its transform_events is all of staging_events. Analyzed: unanalyzed, the planner took it for a few
--      rows and joined it to all of staging by nested loops in keys_across_days.sql (tens of seconds). Only the
--      columns the statements filter, join and group on: the statistics of the wide text columns (song, artist,
--      location, user agent, names) changed no plan and were most of the analyze (0.25 -> 0.10 server CPU-s for a
--      day of 41 thousand events at scale 100, issue 27).
insert into transform_recent
select *
from staging_events e
where e.ts >= @from_ms;

analyze transform_recent (ts, page, user_id, session_id, item_in_session, level)
