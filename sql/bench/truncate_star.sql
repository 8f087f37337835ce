-- star tables: all five emptied before a clean measure (the staging tables keep what is staged).
-- why: the clean case and every fresh build start from empty star tables, as a first Transform does.
truncate songplays, time, users, songs, artists
