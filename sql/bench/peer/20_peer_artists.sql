-- peer artists: one row per artist_id of staging_songs, the first by name (the plain reference, no merge).
-- why: deduplicated, as a primary key requires; the simplest choice, to time the project against it.
insert into peer_artists (artist_id, name, location, latitude, longitude)
select r.artist_id, r.name, r.location, r.latitude, r.longitude
from (
    select
        s.artist_id,
        s.artist_name as name,
        nullif(s.artist_location, '') as location,
        s.artist_latitude as latitude,
        s.artist_longitude as longitude,
        row_number() over (partition by s.artist_id order by s.artist_name) as row_rank
    from staging_songs s
    where s.artist_id <> '' and s.artist_name <> ''
) r
where r.row_rank = 1
