-- revoke_public_create: only the master user creates objects in schema public.
-- why: Redshift grants CREATE on schema public to PUBLIC by default, which would let the reader create tables.
revoke create on schema public from public
