-- songs: one row per song_id.
-- why: the fact's song_id resolves here; duration stays a double so matches on it are exact.
create table if not exists songs (
    song_id    varchar(32)    not null primary key,
    title      varchar(1024)  not null,
    artist_id  varchar(32)    not null references artists (artist_id),
    year       integer,
    duration   double precision not null
)
