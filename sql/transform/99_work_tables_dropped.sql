-- work tables: the transform's temporary tables and its view of the run's events (transform_events), dropped at the
--      end of the transaction that used them.
-- why: a pooled connection would otherwise carry them (and their memory) into its next use. The view first: a daily
--      run's reads transform_recent.
drop view if exists transform_events;

drop table if exists transform_users, transform_artists, transform_songs, transform_songplays, transform_days, transform_recent
