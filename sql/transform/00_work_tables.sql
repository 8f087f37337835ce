-- work tables: none of the transform's temporary tables survives from an earlier run on this connection.
-- why: each file builds its scope's rows once into a temp table (transform_users, _artists, _songs, _songplays)
--      that the later files read (the merges, time, the full run's deletions); 99_work_tables_dropped.sql drops them.
drop table if exists transform_users, transform_artists, transform_songs, transform_songplays
