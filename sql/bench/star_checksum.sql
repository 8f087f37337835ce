-- star checksum: one row per star table in name order, its row count and an md5 over its rows' md5s in sorted order
--                (songplay_id left out: a fresh build numbers its facts anew).
-- why: each benchmark case must end in exactly what a fresh build of the same staged data gives; the hash of hashes
--      stays small at scale 300 (2 M facts), where one string of every row would not.
select 'songplays' as table_name, count(*) as row_count, coalesce(md5(string_agg(r.row_md5, '' order by r.row_md5)), '') as rows_md5
from (
    select md5(row(p.start_time, p.user_id, p.level, p.song_id, p.artist_id, p.session_id, p.item_in_session,
                   p.location, p.user_agent, p.song_title, p.artist_name)::text) as row_md5
    from songplays p
) r
union all
select 'users', count(*), coalesce(md5(string_agg(r.row_md5, '' order by r.row_md5)), '')
from (select md5(row(u.user_id, u.first_name, u.last_name, u.gender, u.level)::text) as row_md5 from users u) r
union all
select 'songs', count(*), coalesce(md5(string_agg(r.row_md5, '' order by r.row_md5)), '')
from (select md5(row(s.song_id, s.title, s.artist_id, s.year, s.duration)::text) as row_md5 from songs s) r
union all
select 'artists', count(*), coalesce(md5(string_agg(r.row_md5, '' order by r.row_md5)), '')
from (select md5(row(a.artist_id, a.name, a.location, a.latitude, a.longitude)::text) as row_md5 from artists a) r
union all
select 'time', count(*), coalesce(md5(string_agg(r.row_md5, '' order by r.row_md5)), '')
from (select md5(row(t.start_time, t.hour, t.day, t.week, t.month, t.year, t.weekday)::text) as row_md5 from time t) r
order by table_name
