-- create_reader: the read-only user of Query, Report and Connect; not a superuser, cannot create databases or users.
-- why: the master user is a superuser; reads go through a user that holds SELECT grants only.
-- the password is generated (Redshift's rules, no quotes) and kept in the state file (0600); this file is never logged.
create user sparkify_reader password '{password}' nocreatedb nocreateuser syslog access restricted
