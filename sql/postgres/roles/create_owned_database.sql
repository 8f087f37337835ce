-- create_owned_database: the warehouse database, owned by the pipeline's owner role (so it owns schema public).
-- why: the owner creates and drops the warehouse tables without being a superuser.
create database {database} owner {owner}
