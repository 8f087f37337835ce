-- revoke_public_create: only the owner creates objects in schema public.
-- why: PostgreSQL 15 already does this by default; older clusters and Redshift grant CREATE to PUBLIC.
revoke create on schema public from public
