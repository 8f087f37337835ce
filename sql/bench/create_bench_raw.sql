-- bench_raw: one row per raw JSON line of a log or song file, before any parsing into columns.
-- why: the benchmark's PostgreSQL-native path (b) lands the text as it is and lets the server parse it; unlogged, as a scratch table.
create unlogged table if not exists bench_raw (
    doc  jsonb
)
