-- staging_changes: removes the rows of one load's run that this Transform read, in the Transform's own transaction.
-- why: committed with the star tables they describe; a Transform that fails or is killed rolls back and leaves them,
--      so the next one redoes them. Only the runs it read: a change committed after it read them waits for the next.
delete from staging_changes
where run_id = @run_id
