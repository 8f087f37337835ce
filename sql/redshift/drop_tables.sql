-- drop every pipeline table (CreateTables --recreate); the fact goes first because it references the dimensions.
drop table if exists songplays, time, users, songs, artists, staging_events, staging_songs, staging_scope, load_ledger, staging_changes
