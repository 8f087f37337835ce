-- artists: one row per artist_id, the most complete attributes seen.
-- why: coordinates are doubles (no rounding); location may be empty in the source, NULL here.
create table if not exists artists (
    artist_id  varchar(32)    not null primary key,
    name       varchar(1024)  not null,
    location   varchar(1024),
    latitude   double precision,
    longitude  double precision
)
