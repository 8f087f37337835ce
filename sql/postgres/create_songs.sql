-- songs: one row per song_id.
-- why: the fact's song_id resolves here; duration stays a double so matches on it are exact. artist_id is checked
--      by Verify (songs_artist_in_artists.sql), not by a foreign key: docs/schema.md.
create table if not exists songs (
    song_id    varchar(32)    not null primary key,
    title      varchar(1024)  not null,
    artist_id  varchar(32)    not null,
    year       integer,
    duration   double precision not null
);

-- a warehouse made by an older CreateTables still has the foreign key.
alter table songs drop constraint if exists songs_artist_id_fkey
