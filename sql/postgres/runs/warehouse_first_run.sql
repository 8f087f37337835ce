-- the warehouse's first run: its id tells one warehouse from another made later with the same tables.
-- why: Report's up-to-date stamp is a file that outlives the warehouse (Teardown, a new cluster); a new warehouse can
--      repeat the tables' oids and write counts exactly, so the marks alone would call an old report current.
select coalesce(min(r.run_id), 'none') from etl_runs r
