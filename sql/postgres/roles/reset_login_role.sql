-- reset_login_role: clears the session defaults a role stored for itself (alter role … set …).
-- why: PostgreSQL lets any role set its own defaults, which persist in pg_db_role_setting; each set-up wipes them,
--      so what the read-only role stored lasts until the next CreateTables at most.
alter role {role} reset all
