-- staging_songs: one row per song file of song_data; column names are the JSON keys, so JSON 'auto' maps them.
-- object_id: the load_ledger id of the object the row came from (filled by the loader, never a JSON column;
--            NULL for rows loaded by hand or by an older pipeline).
-- why: lossless landing zone; coordinates and durations are doubles, never rounded.
create table if not exists staging_songs (
    num_songs         integer,
    artist_id         varchar(32),
    artist_latitude   double precision,
    artist_longitude  double precision,
    artist_location   varchar(1024),
    artist_name       varchar(1024),
    song_id           varchar(32),
    title             varchar(1024),
    duration          double precision,
    year              integer,
    object_id         bigint
)
