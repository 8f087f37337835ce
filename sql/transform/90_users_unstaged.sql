-- users: a full run deletes the users no staged event has any more (not among 10_users.sql's rows); a window run keeps them.
--        A daily run after an object was removed or changed does the same (@full = 1; docs/reruns.md).
-- why: a fresh build from what is staged would not have them; every fact of a full run is a staged event whose
--      user is among those rows, so no fact points at a deleted user.
delete from users
where @full = 1
  and not exists (select 1 from transform_users t where t.user_id = users.user_id)
