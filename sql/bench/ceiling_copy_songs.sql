-- staging_songs from typed CSV, frozen (method f, the ingest ceiling); the table is truncated in the same transaction.
-- why: the fastest way PostgreSQL takes these rows: no JSON, no conversion on the client, no WAL, no hint bits.
copy staging_songs from stdin (format csv, freeze)
