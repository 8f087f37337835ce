-- grant_reader_select: SELECT on the warehouse tables CreateTables makes, and nothing else.
-- why: Query and Report read these; no insert, update, delete, truncate or references.
grant select on table staging_events, staging_songs, users, artists, songs, time, songplays, etl_runs, staging_scope, load_ledger, staging_changes, load_errors, etl_writes, etl_stamps to sparkify_reader
