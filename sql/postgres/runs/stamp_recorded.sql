-- stamp recorded: replaces @step's row of etl_stamps with this run's, inside the step's own transaction.
-- why: written just before the step commits, so the stamp and the tables it describes commit together or not at all.
delete from etl_stamps where step = @step;

insert into etl_stamps (step, inputs, marks, run_id, recorded_at, result)
values (@step, @inputs, @marks, @run_id, @recorded_at, @result)
