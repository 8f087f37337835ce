-- staging_object_id: adds the object_id column to staging tables made by an older CreateTables (no-op otherwise).
-- why: create table if not exists keeps an existing table as it is, and the loader writes object_id into every row
--      (load_ledger, docs/reruns.md); rows already there keep NULL, which the first ledger load replaces.
alter table staging_events add column if not exists object_id bigint;

alter table staging_songs add column if not exists object_id bigint
