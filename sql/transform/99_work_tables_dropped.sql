-- work tables: the transform's temporary tables, dropped at the end of the transaction that used them.
-- why: a pooled connection would otherwise carry them (and their memory) into its next use.
drop table if exists transform_users, transform_artists, transform_songs, transform_songplays, transform_days, transform_recent
