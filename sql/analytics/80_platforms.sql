-- Which operating systems and browsers do people listen with?
-- grain: one row per OS family and browser family, parsed from the user agent; most plays first.
-- why: user agents are free text; the order of the tests matters (iPhone and Android agents also name
-- Mac OS and Linux; Edge and Chrome agents also name Safari, Edge agents also name Chrome).
-- speed: the plays are counted per (user agent, listener) first, so each agent is parsed once per listener, not
--      once per play (a warehouse has a few dozen agents; issue 13).
select
    p.os,
    p.browser,
    cast(sum(p.plays) as bigint) as plays,
    count(distinct p.user_id) as listeners
from (
    select
        a.user_id,
        a.plays,
        case
            when a.user_agent is null then 'Unknown'
            when a.user_agent like '%iPhone%' then 'iPhone'
            when a.user_agent like '%iPad%' then 'iPad'
            when a.user_agent like '%Android%' then 'Android'
            when a.user_agent like '%Windows%' then 'Windows'
            when a.user_agent like '%Macintosh%' then 'Macintosh'
            when a.user_agent like '%Linux%' then 'Linux'
            else 'Other'
        end as os,
        case
            when a.user_agent is null then 'Unknown'
            when a.user_agent like '%Edge/%' or a.user_agent like '%Edg/%' then 'Edge'
            when a.user_agent like '%MSIE %' or a.user_agent like '%Trident/%' then 'IE'
            when a.user_agent like '%Firefox/%' then 'Firefox'
            when a.user_agent like '%Chrome/%' or a.user_agent like '%CriOS/%' then 'Chrome'
            when a.user_agent like '%Safari/%' then 'Safari'
            else 'Other'
        end as browser
    from (
        select sp.user_agent, sp.user_id, count(*) as plays
        from songplays as sp
        group by sp.user_agent, sp.user_id
    ) as a
) as p
group by p.os, p.browser
order by plays desc, p.os, p.browser
