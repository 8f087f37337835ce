-- staging_songs: one row, from one parsed song file.
-- why: the classic row-by-row loader (c) of the Postgres version of this exercise: one parameterised insert per row.
insert into staging_songs (
    num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title, duration, year
)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
