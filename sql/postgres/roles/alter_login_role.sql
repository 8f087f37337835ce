-- alter_login_role: the same attributes as create_login_role, for a role that exists (reruns are idempotent).
-- why: a rerun after the state file was lost sets the new generated password; attributes are reasserted.
alter role {role} login nosuperuser nocreatedb nocreaterole inherit noreplication nobypassrls password '{password}'
