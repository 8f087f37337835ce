-- load objects: one row per object of this load; {rows} is a list of parameter tuples, one per object, in column order.
-- why: Redshift takes no array parameters, so a multi-row insert carries the plan (at most 1,000 rows a statement).
insert into load_objects (
    object_key, change, object_id, load_group, content_id, size_bytes, rows_loaded, rejected, day_from, day_to,
    old_object_id, change_day_from, change_day_to
)
values {rows}
