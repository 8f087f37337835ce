-- artists: no empty string where NULL belongs (song files write an unknown location as "").
-- why: '' and NULL group and count differently; one spelling of "unknown" keeps reports honest.
select a.artist_id
from artists a
where a.artist_id = '' or a.name = '' or a.location = ''
