-- star and staging tables: vacuumed and analyzed after a killed Transform (history case h2).
-- why: what autovacuum does a minute after the crash (issue 11): the dead rows go and the statistics say what the
--      tables hold now, so the next Transform plans with them.
vacuum analyze songplays, time, users, songs, artists, staging_events, staging_songs
