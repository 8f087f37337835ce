-- songs: one row per song_id.
-- why: diststyle all: a songplays distkey on song_id would put every unmatched (NULL) play on one slice.
create table if not exists songs (
    song_id    varchar(32)    not null primary key,
    title      varchar(1024)  not null,
    artist_id  varchar(32)    not null references artists (artist_id),
    year       integer,
    duration   double precision not null
)
diststyle all
sortkey (song_id)
