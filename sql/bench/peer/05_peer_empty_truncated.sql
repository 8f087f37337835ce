-- peer empty tables: the timed transaction first truncates the (empty) peer_songplays and peer_time.
-- why: like for like with the project's Transform, which truncates an empty songplays and time in its own
--      transaction (sql/postgres/empty_star_truncated.sql): with wal_level = minimal, rows written to a table
--      truncated in the same transaction skip the WAL, on both sides.
truncate table peer_songplays, peer_time
