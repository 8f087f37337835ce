-- Which operating systems and browsers do people listen with?
-- grain: one row per OS family and browser family, parsed from the user agent; most plays first.
-- why: user agents are free text; the order of the tests matters (iPhone and Android agents also name
-- Mac OS and Linux; Edge and Chrome agents also name Safari, Edge agents also name Chrome).
select
    p.os,
    p.browser,
    count(*) as plays,
    count(distinct p.user_id) as listeners
from (
    select
        sp.user_id,
        case
            when sp.user_agent is null then 'Unknown'
            when sp.user_agent like '%iPhone%' then 'iPhone'
            when sp.user_agent like '%iPad%' then 'iPad'
            when sp.user_agent like '%Android%' then 'Android'
            when sp.user_agent like '%Windows%' then 'Windows'
            when sp.user_agent like '%Macintosh%' then 'Macintosh'
            when sp.user_agent like '%Linux%' then 'Linux'
            else 'Other'
        end as os,
        case
            when sp.user_agent is null then 'Unknown'
            when sp.user_agent like '%Edge/%' or sp.user_agent like '%Edg/%' then 'Edge'
            when sp.user_agent like '%MSIE %' or sp.user_agent like '%Trident/%' then 'IE'
            when sp.user_agent like '%Firefox/%' then 'Firefox'
            when sp.user_agent like '%Chrome/%' or sp.user_agent like '%CriOS/%' then 'Chrome'
            when sp.user_agent like '%Safari/%' then 'Safari'
            else 'Other'
        end as browser
    from songplays as sp
) as p
group by p.os, p.browser
order by plays desc, p.os, p.browser
