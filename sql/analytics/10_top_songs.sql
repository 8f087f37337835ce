-- Which songs are played most, by the title and artist each play names?
-- grain: one row per (title, artist) as the event log spells them, the ten with the most plays; ties broken by title.
-- why: a partial song catalogue matches few plays (the real sample: 1 of 6,820), but every play names its song.
--      Each play's title and artist come from parts/play_titles.sql (the staged copy the fact was built from); a play
--      whose event is no longer staged shows as "(not in staging)". matched: how many of those plays matched a song
--      of the catalogue.
-- speed: the plays are read once (p); the ten titles are ranked by plays first, and listeners are counted for those
--      ten only, instead of counting every (title, artist, listener) of the warehouse (issue 13).
with p as (
{{analytics/parts/play_titles.sql}}
),
t as (
    select
        coalesce(p.song, '(not in staging)') as song,
        coalesce(p.artist, '(not in staging)') as artist,
        count(*) as plays,
        count(p.song_id) as matched
    from p
    group by coalesce(p.song, '(not in staging)'), coalesce(p.artist, '(not in staging)')
    order by plays desc, song, artist
    limit 10
)
select
    t.song,
    t.artist,
    t.plays,
    l.listeners,
    t.matched,
    round(100.0 * t.matched / t.plays, 1) as matched_pct
from t
join (
    select ten.song, ten.artist, count(distinct p.user_id) as listeners
    from p
    join t as ten on ten.song = coalesce(p.song, '(not in staging)') and ten.artist = coalesce(p.artist, '(not in staging)')
    group by ten.song, ten.artist
) as l on l.song = t.song and l.artist = t.artist
order by t.plays desc, t.song, t.artist
