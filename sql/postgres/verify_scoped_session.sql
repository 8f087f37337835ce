-- scoped verify session (PostgreSQL): a Verify scoped to a daily Transform's changed days joins without nested loops.
-- why: the changed days are usually the newest, past the end of songplays' statistics (Transform does not analyze it
--      after a day), so the planner takes a day's 41 thousand facts for one row and probes users and songs once per
--      fact by nested loops over a scan: songplays_user_in_users took 8 s and songplays_song_in_songs 2.9 s instead of
--      0.11 and 0.12 CPU-seconds by hash joins at scale 100. Every scoped check is a set-based join that a hash suits.
select set_config('enable_nestloop', 'off', false)
