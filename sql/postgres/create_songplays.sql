-- songplays: one row per NextSong event; the natural key (session_id, item_in_session, user_id) makes re-runs safe.
-- why: the fact table; song_id and artist_id are NULL when no song matches on title, artist and duration.
--      song_title and artist_name are the play's own, as its event names them (degenerate dimensions): most plays
--      match no song of a partial catalogue, and the report ranks plays by them without going back to staging.
-- referential integrity: no foreign keys, as on Redshift where they are informational. Verify checks every
--      reference set-based (sql/quality/*_in_*.sql); per-row FK triggers cost more than the insert they guard and
--      grow with the table (figures in docs/schema.md). No index on start_time: it cost more at every insert than
--      the one scan of songplays a window's delete makes (measured, docs/schema.md). The alter drops the foreign keys
--      a warehouse made by an older CreateTables still has, and adds the play's own title and artist name to its facts
--      (empty until the next full Transform fills them).
create table if not exists songplays (
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
    artist_name      varchar(1024),
    unique (session_id, item_in_session, user_id)
);

alter table songplays
    drop constraint if exists songplays_start_time_fkey,
    drop constraint if exists songplays_user_id_fkey,
    drop constraint if exists songplays_song_id_fkey,
    drop constraint if exists songplays_artist_id_fkey,
    add column if not exists song_title varchar(1024),
    add column if not exists artist_name varchar(1024)
