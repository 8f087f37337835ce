-- revoke_maintenance_databases: roles not granted it by name may not connect to the cluster's postgres and template1.
-- why: the warehouse's roles need only the warehouse database; in postgres the read-only role could store large
--      objects, or hold the advisory key of the role set-up (setup_lock.sql) and stall every writer's set-up.
revoke connect on database postgres, template1 from public
