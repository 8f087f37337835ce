-- role_exists: one row when the role $1 exists, none otherwise.
-- why: PostgreSQL has no "create role if not exists"; the roles are created once and altered on reruns.
select 1 from pg_roles where rolname = $1
