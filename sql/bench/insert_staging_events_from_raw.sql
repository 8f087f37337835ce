-- staging_events: one row per log line in bench_raw, keys mapped as jsonpaths/log_json_path.json maps them.
-- why: the PostgreSQL-native path (b): the server parses the JSON and casts; ->> turns JSON null into NULL, and
-- nullif does what EMPTYASNULL (dwh.cfg [LOAD]) does for the project's loader, so both land the same values.
insert into staging_events (
    artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
    registration, session_id, song, status, ts, user_agent, user_id
)
select
    nullif(r.doc ->> 'artist', ''),
    nullif(r.doc ->> 'auth', ''),
    nullif(r.doc ->> 'firstName', ''),
    nullif(r.doc ->> 'gender', ''),
    (r.doc ->> 'itemInSession')::integer,
    nullif(r.doc ->> 'lastName', ''),
    (r.doc ->> 'length')::double precision,
    nullif(r.doc ->> 'level', ''),
    nullif(r.doc ->> 'location', ''),
    nullif(r.doc ->> 'method', ''),
    nullif(r.doc ->> 'page', ''),
    (r.doc ->> 'registration')::double precision,
    (r.doc ->> 'sessionId')::integer,
    nullif(r.doc ->> 'song', ''),
    (r.doc ->> 'status')::integer,
    (r.doc ->> 'ts')::bigint,
    nullif(r.doc ->> 'userAgent', ''),
    nullif(r.doc ->> 'userId', '')
from bench_raw as r
