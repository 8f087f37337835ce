-- peer songs: one row per song_id of staging_songs, the first by title (the plain reference, no merge).
-- why: deduplicated, as a primary key requires; the simplest choice, to time the project against it.
insert into peer_songs (song_id, title, artist_id, year, duration)
select r.song_id, r.title, r.artist_id, r.year, r.duration
from (
    select
        s.song_id,
        s.title,
        s.artist_id,
        nullif(s.year, 0) as year,
        s.duration,
        row_number() over (partition by s.song_id order by s.title) as row_rank
    from staging_songs s
    where s.song_id <> '' and s.title <> '' and s.duration is not null
) r
where r.row_rank = 1
