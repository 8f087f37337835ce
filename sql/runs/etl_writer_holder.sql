-- etl_writer: the recorded holder of the writer lock (zero or one row).
-- why: the refusal message of a second writer.
select
    w.run_id,
    w.holder,
    w.target,
    w.started_at
from etl_writer w
