-- transform daily session (PostgreSQL): inside a daily Transform's transaction, random page reads are priced as the
--      cached reads they are.
-- why: at the default random_page_cost (4) the planner joined a day's 35 thousand plays to songplays
--      (40_songplays_staged.sql) by hashing all 0.66 million facts, where a probe of the key's unique index per play
--      took half the CPU (0.74 -> 0.33 s at scale 100, issue 27); the local server holds its tables in memory.
--      Only a daily run sets it: a full run's joins cover every row, and there the hash is right. Local to the
--      transaction.
select set_config('random_page_cost', '1.1', true)
