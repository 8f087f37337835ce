-- staging_events: one row per log line in bench_raw, keys mapped as jsonpaths/log_json_path.json maps them.
-- why: the PostgreSQL-native path (b): the server parses the JSON and casts; ->> turns JSON null into NULL.
insert into staging_events (
    artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
    registration, session_id, song, status, ts, user_agent, user_id
)
select
    r.doc ->> 'artist',
    r.doc ->> 'auth',
    r.doc ->> 'firstName',
    r.doc ->> 'gender',
    (r.doc ->> 'itemInSession')::integer,
    r.doc ->> 'lastName',
    (r.doc ->> 'length')::double precision,
    r.doc ->> 'level',
    r.doc ->> 'location',
    r.doc ->> 'method',
    r.doc ->> 'page',
    (r.doc ->> 'registration')::double precision,
    (r.doc ->> 'sessionId')::integer,
    r.doc ->> 'song',
    (r.doc ->> 'status')::integer,
    (r.doc ->> 'ts')::bigint,
    r.doc ->> 'userAgent',
    r.doc ->> 'userId'
from bench_raw as r
