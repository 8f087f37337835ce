-- staging_songs: one row per song file in bench_raw (each file is one JSON object on one line).
-- why: the PostgreSQL-native path (b): the server parses the JSON and casts; ->> turns JSON null into NULL, and
-- nullif does what EMPTYASNULL (dwh.cfg [LOAD]) does for the project's loader, so both land the same values.
insert into staging_songs (
    num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title, duration, year
)
select
    (r.doc ->> 'num_songs')::integer,
    nullif(r.doc ->> 'artist_id', ''),
    (r.doc ->> 'artist_latitude')::double precision,
    (r.doc ->> 'artist_longitude')::double precision,
    nullif(r.doc ->> 'artist_location', ''),
    nullif(r.doc ->> 'artist_name', ''),
    nullif(r.doc ->> 'song_id', ''),
    nullif(r.doc ->> 'title', ''),
    (r.doc ->> 'duration')::double precision,
    (r.doc ->> 'year')::integer
from bench_raw as r
