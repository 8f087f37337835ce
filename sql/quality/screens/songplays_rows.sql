-- songplays row rules, in one pass: one row, each column the number of rows that check returns (its offending rows),
--      from one scan of the facts of @days_from_ms/@days_to_ms joined to users, songs and artists.
-- answers: songplays_level_free_or_paid, songplays_no_empty_strings, songplays_user_in_users, songplays_song_in_songs
-- why: scoped to a daily run's days (docs/reruns.md, "A scoped daily Verify") each of the four still scans all of
--      songplays (no index on start_time) to keep a day: one scan instead of four. Over all time it costs what the four
--      cost apart (issue 13 measured 0.57 against 0.54 CPU-seconds). Each column is its check's condition; a left join
--      to a dimension with a repeated key repeats the fact and can only count more, and then the check's own file,
--      which Verify runs whenever its column is not 0, gives the exact rows.
select
    coalesce(sum(case when s.level is null or s.level not in ('free', 'paid') then 1 else 0 end), 0)
        as songplays_level_free_or_paid,
    coalesce(sum(case when s.user_id = '' or s.level = '' or s.song_id = '' or s.artist_id = '' or s.location = ''
                        or s.user_agent = '' or s.song_title = '' or s.artist_name = '' then 1 else 0 end), 0)
        as songplays_no_empty_strings,
    coalesce(sum(case when u.user_id is null then 1 else 0 end), 0) as songplays_user_in_users,
    coalesce(sum(case when (s.song_id is not null and (g.song_id is null or g.artist_id <> s.artist_id))
                        or (s.artist_id is not null and a.artist_id is null)
                        or (s.song_id is null and s.artist_id is not null) then 1 else 0 end), 0)
        as songplays_song_in_songs
from songplays s
left join users u on u.user_id = s.user_id
left join songs g on g.song_id = s.song_id
left join artists a on a.artist_id = s.artist_id
where s.start_time >= timestamp 'epoch' + (@days_from_ms / 1000) * interval '1 second' + (@days_from_ms % 1000) * interval '1 millisecond'
  and s.start_time < timestamp 'epoch' + (@days_to_ms / 1000) * interval '1 second' + (@days_to_ms % 1000) * interval '1 millisecond'
