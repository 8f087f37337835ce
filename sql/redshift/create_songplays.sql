-- songplays: one row per NextSong event; the natural key (session_id, item_in_session, user_id) makes re-runs safe.
-- why: song_title and artist_name are the play's own, as its event names them (sql/postgres/create_songplays.sql).
--      distkey start_time collocates the join with time and spreads evenly (song_id is mostly NULL, so it would skew);
--      sortkey start_time serves the window filters. Keys are informational: the transforms deduplicate themselves.
create table if not exists songplays (
    songplay_id      bigint        identity(0, 1) primary key,
    start_time       timestamp     not null references time (start_time) distkey sortkey,
    user_id          varchar(32)   not null references users (user_id),
    level            varchar(16)   not null,
    song_id          varchar(32)   references songs (song_id),
    artist_id        varchar(32)   references artists (artist_id),
    session_id       integer       not null,
    item_in_session  integer       not null,
    location         varchar(1024),
    user_agent       varchar(1024),
    song_title       varchar(1024),
    artist_name      varchar(1024),
    unique (session_id, item_in_session, user_id)
)
