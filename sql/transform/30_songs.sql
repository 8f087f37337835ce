-- songs: one row per song_id of staging_songs whose artist is a staged artist (20_artists.sql's work table, so
--        an artist only older data produced does not keep a song alive), merged into the table; a full run also
--        deletes the songs staging no longer holds (70_songs_unstaged.sql).
-- why: duration stays a double (never rounded) because songplays match on it exactly; year 0 is the Million Song
--      Dataset's "unknown" and becomes NULL. A song_id seen twice keeps the row with a year, then the smallest
--      title, artist_id, duration (deterministic).
--      Songs carry no date, so the window does not limit this table. present (the key is in songs already) is read
--      before songs changes, so the insert never anti-joins the table it fills (10_users.sql says why).
create temp table transform_songs as
select
    ranked.song_id,
    ranked.title,
    ranked.artist_id,
    ranked.year,
    ranked.duration,
    case when x.song_id is null then 0 else 1 end as present
from (
    select
        s.song_id,
        s.title,
        s.artist_id,
        nullif(s.year, 0) as year,
        s.duration,
        row_number() over (
            partition by s.song_id
            order by case when nullif(s.year, 0) is null then 1 else 0 end, s.title, s.artist_id, s.duration
        ) as row_rank
    from staging_songs s
    where s.song_id <> ''
      and s.title <> ''
      and s.duration is not null
      and s.artist_id in (select a.artist_id from transform_artists a)
) ranked
left join songs x on x.song_id = ranked.song_id
where ranked.row_rank = 1;

analyze transform_songs;

update songs
set
    title = t.title,
    artist_id = t.artist_id,
    year = t.year,
    duration = t.duration
from transform_songs t
where songs.song_id = t.song_id
  and (
      songs.title <> t.title
      or songs.artist_id <> t.artist_id
      or coalesce(songs.year, -1) <> coalesce(t.year, -1)
      or songs.duration <> t.duration
  );

insert into songs (song_id, title, artist_id, year, duration)
select t.song_id, t.title, t.artist_id, t.year, t.duration
from transform_songs t
where t.present = 0;
