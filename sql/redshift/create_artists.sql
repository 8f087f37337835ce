-- artists: one row per artist_id, the most complete attributes seen.
-- why: small dimension, diststyle all for node-local star joins; the key is informational.
create table if not exists artists (
    artist_id  varchar(32)    not null primary key,
    name       varchar(1024)  not null,
    location   varchar(1024),
    latitude   double precision,
    longitude  double precision
)
diststyle all
sortkey (artist_id)
