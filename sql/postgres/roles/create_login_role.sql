-- create_login_role: one role that can log in and nothing more (no superuser, no createdb, no createrole).
-- why: the pipeline's owner and the read-only role must not run programs or read files on the server, which a
-- superuser (or a role able to grant itself pg_execute_server_program) can. inherit: the database owner gets
-- schema public through its implicit membership of pg_database_owner. the role name is a validated identifier and
-- the password a generated one without quotes; this file is never logged.
create role {role} login nosuperuser nocreatedb nocreaterole inherit noreplication nobypassrls password '{password}'
