-- How many songs does a listening session hold?
-- grain: one row per bucket of plays per session (1, 2-5, 6-10, 11-25, 26-50, 51-100, over 100) that has sessions.
-- why: a session is one user's session_id; the buckets widen because long sessions are rare.
select
    b.bucket as plays_per_session,
    count(*) as sessions,
    sum(b.plays) as plays
from (
    select
        s.plays,
        case
            when s.plays = 1 then '1'
            when s.plays <= 5 then '2-5'
            when s.plays <= 10 then '6-10'
            when s.plays <= 25 then '11-25'
            when s.plays <= 50 then '26-50'
            when s.plays <= 100 then '51-100'
            else 'over 100'
        end as bucket
    from (
        select user_id, session_id, count(*) as plays
        from songplays
        group by user_id, session_id
    ) as s
) as b
group by b.bucket
order by min(b.plays)
