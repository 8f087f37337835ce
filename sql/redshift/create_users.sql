-- users: one row per user_id (the log's userId string), with the level of the user's latest event.
-- why: small dimension, diststyle all so every star join with songplays stays node-local; the key is informational.
create table if not exists users (
    user_id     varchar(32)  not null primary key,
    first_name  varchar(256),
    last_name   varchar(256),
    gender      varchar(8),
    level       varchar(16)  not null
)
diststyle all
sortkey (user_id)
