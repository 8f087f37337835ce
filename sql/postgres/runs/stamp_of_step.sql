-- stamp of a step: the one row of etl_stamps for @step, or none.
-- why: the step is up to date when its inputs and table marks equal this row's (docs/reruns.md).
select s.inputs, s.marks, s.run_id, s.recorded_at, s.result
from etl_stamps s
where s.step = @step
