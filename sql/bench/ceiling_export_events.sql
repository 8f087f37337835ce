-- staging_events as typed CSV: the rows the loader made, for the ingest ceiling (method f).
-- why: the ceiling COPYs the same rows, already converted, so only the server's ingest is left.
copy staging_events to stdout (format csv)
