-- staging_events: one row, from one parsed log line.
-- why: the classic row-by-row loader (c) of the Postgres version of this exercise: one parameterised insert per row.
insert into staging_events (
    artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
    registration, session_id, song, status, ts, user_agent, user_id
)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
