-- etl_runs, newest first: the last runs a person reads in the report's "Runs" section.
-- grain: one row per (run_id, target) as etl_runs holds them, the 30 latest by started_at.
-- why: select * so the report shows whatever columns etl_runs has (it grows); the report computes durations.
select *
from etl_runs
order by started_at desc
limit 30
