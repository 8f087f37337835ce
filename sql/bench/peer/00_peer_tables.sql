-- peer tables: the plain reference transform's five star tables, empty, with primary keys and nothing else.
-- why: issue 13 measures the project's Transform against five INSERT … SELECT into keyed tables on the same server
--      and data (no merge, no foreign keys, no secondary index); these are dropped and made again for each measure.
drop table if exists peer_songplays, peer_time, peer_users, peer_songs, peer_artists;

create table peer_users (
    user_id     varchar(32)  not null primary key,
    first_name  varchar(256),
    last_name   varchar(256),
    gender      varchar(8),
    level       varchar(16)  not null
);

create table peer_artists (
    artist_id  varchar(32)    not null primary key,
    name       varchar(1024)  not null,
    location   varchar(1024),
    latitude   double precision,
    longitude  double precision
);

create table peer_songs (
    song_id    varchar(32)    not null primary key,
    title      varchar(1024)  not null,
    artist_id  varchar(32)    not null,
    year       integer,
    duration   double precision not null
);

create table peer_time (
    start_time  timestamp  not null primary key,
    hour        smallint   not null,
    day         smallint   not null,
    week        smallint   not null,
    month       smallint   not null,
    year        smallint   not null,
    weekday     smallint   not null
);

create table peer_songplays (
    songplay_id      bigint generated always as identity primary key,
    start_time       timestamp     not null,
    user_id          varchar(32)   not null,
    level            varchar(16)   not null,
    song_id          varchar(32),
    artist_id        varchar(32),
    session_id       integer       not null,
    item_in_session  integer       not null,
    location         varchar(1024),
    user_agent       varchar(1024),
    song_title       varchar(1024),
    artist_name      varchar(1024)
)
