-- revoke_large_objects: no role but the superuser may create, write or remove large objects in this database.
-- why: PUBLIC may call the server-side large-object functions by default, so the read-only role could store data
--      that persists (lo_from_bytea: 50 MB tried, issue 24) and that the owner role cannot delete. The pipeline
--      never uses large objects. Functions are per database: run by the bootstrap superuser in the warehouse database.
revoke execute on function
    lo_create(oid), lo_creat(integer), lo_from_bytea(oid, bytea), lo_import(text), lo_import(text, oid),
    lo_export(oid, text), lo_open(oid, integer), lowrite(integer, bytea), lo_put(oid, bigint, bytea),
    lo_truncate(integer, integer), lo_truncate64(integer, bigint), lo_unlink(oid)
from public
