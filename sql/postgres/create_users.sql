-- users: one row per user_id (the log's userId string), with the level of the user's latest event.
-- why: a dimension the fact references; PostgreSQL enforces the primary key, Redshift only records it.
create table if not exists users (
    user_id     varchar(32)  not null primary key,
    first_name  varchar(256),
    last_name   varchar(256),
    gender      varchar(8),
    level       varchar(16)  not null
)
