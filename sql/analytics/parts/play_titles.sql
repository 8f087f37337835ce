-- play_titles (a part: 10_top_songs.sql and 20_top_artists.sql read it in where they name this file in double braces):
-- grain: one row per songplay, with the title and artist its own staged event names; both null when that event is
--      no longer staged (staging was reloaded for other days): the rankings show those plays as "(not in staging)".
-- why: songplays keeps only song_id, and the catalogue matches few plays. The event is the staged copy the fact was
--      built from: the fact carries that copy's ts (as start_time, computed here as 40_songplays_staged.sql does) and
--      level, so only copies of the play's key with that ts and level are candidates; among them the first in the
--      transform's own tie order (40_songplays_staged.sql: ts, level, song, artist, length, location, user_agent; ts
--      and level being equal, the rest decides). One rule in one file, so the two rankings cannot name different
--      copies, nor a copy the fact was not built from.
-- speed: the ranking sorts only within (key, ts, level), which holds one copy unless a key was staged twice with the
--      same ts; the candidates are hash-joined to songplays on the key, start_time and level (issue 13).
select
    sp.user_id,
    sp.song_id,
    c.song,
    c.artist
from songplays as sp
left join (
    select r.session_id, r.item_in_session, r.user_id, r.start_time, r.level, r.song, r.artist
    from (
        select
            se.session_id,
            se.item_in_session,
            se.user_id,
            timestamp 'epoch' + (se.ts / 1000) * interval '1 second' + (se.ts % 1000) * interval '1 millisecond' as start_time,
            se.level,
            se.song,
            se.artist,
            row_number() over (
                partition by se.session_id, se.item_in_session, se.user_id, se.ts, se.level
                order by se.song, se.artist
            ) as row_rank
        from staging_events as se
        where se.page = 'NextSong'
    ) as r
    where r.row_rank = 1
) as c on c.session_id = sp.session_id and c.item_in_session = sp.item_in_session and c.user_id = sp.user_id
    and c.start_time = sp.start_time and c.level = sp.level
