-- alter_reader: the same attributes as create_reader for a user that exists (reruns are idempotent).
-- why: a rerun after the state file was lost sets the new generated password.
alter user sparkify_reader password '{password}' nocreatedb nocreateuser syslog access restricted
