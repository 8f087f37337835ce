-- tag: the rows the last COPY added to the load table get that COPY's id as their object_id.
-- why: Redshift COPY fills no column it is not given; the rows of earlier COPYs of this load are tagged already.
update {load_table} set object_id = @object_id where object_id is null
