-- staging_events, staging_songs: emptied before each method of the benchmark.
-- why: every method loads the same files into the same empty tables.
truncate staging_events, staging_songs
