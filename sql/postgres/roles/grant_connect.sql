-- grant_connect: the one database privilege a login role of the warehouse gets.
-- why: connect only; no temporary objects, no schemas.
grant connect on database {database} to {role}
