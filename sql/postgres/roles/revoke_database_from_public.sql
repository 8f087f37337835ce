-- revoke_database_from_public: no connect, create or temporary for roles not granted them by name.
-- why: with TEMPORARY a read-only role could still create temporary tables and functions (pg_temp).
revoke all on database {database} from public
