-- etl_writer: the holder moved on to another target.
-- why: the refusal names the target the holder is in now.
update etl_writer
set target = @target
where run_id = @run_id
