-- artists: one row per artist_id of staging_songs, merged into the table; a full run also deletes the artists
--          staging no longer holds (80_artists_unstaged.sql).
-- why: an artist seen with different attributes (two spellings, a location in one file only) keeps its most
--      complete row: the most non-empty attributes of name, location, latitude, longitude; ties go to the
--      smallest name, then location, latitude, longitude, so the choice is deterministic. Empty strings become NULL.
--      Songs carry no date, so the window does not limit this table. present (the key is in artists already) is
--      read before artists changes, so the insert never anti-joins the table it fills (10_users.sql says why).
create temp table transform_artists as
select
    ranked.artist_id,
    ranked.name,
    ranked.location,
    ranked.latitude,
    ranked.longitude,
    case when x.artist_id is null then 0 else 1 end as present
from (
    select
        c.artist_id,
        c.name,
        c.location,
        c.latitude,
        c.longitude,
        row_number() over (
            partition by c.artist_id
            order by
                (case when c.location is null then 0 else 1 end
                 + case when c.latitude is null then 0 else 1 end
                 + case when c.longitude is null then 0 else 1 end) desc,
                c.name, c.location, c.latitude, c.longitude
        ) as row_rank
    from (
        select
            s.artist_id,
            nullif(s.artist_name, '') as name,
            nullif(s.artist_location, '') as location,
            s.artist_latitude as latitude,
            s.artist_longitude as longitude
        from staging_songs s
        where s.artist_id <> ''
    ) c
    where c.name is not null
) ranked
left join artists x on x.artist_id = ranked.artist_id
where ranked.row_rank = 1;

analyze transform_artists;

update artists
set
    name = t.name,
    location = t.location,
    latitude = t.latitude,
    longitude = t.longitude
from transform_artists t
where artists.artist_id = t.artist_id
  and (
      artists.name <> t.name
      or coalesce(artists.location, '') <> coalesce(t.location, '')
      or coalesce(artists.latitude, 1e308) <> coalesce(t.latitude, 1e308)
      or coalesce(artists.longitude, 1e308) <> coalesce(t.longitude, 1e308)
  );

insert into artists (artist_id, name, location, latitude, longitude)
select t.artist_id, t.name, t.location, t.latitude, t.longitude
from transform_artists t
where t.present = 0;
