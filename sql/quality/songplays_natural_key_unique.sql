-- songplays: the natural key (session_id, item_in_session, user_id) is unique and complete.
-- unique key: songplays (session_id, item_in_session, user_id)
-- why: it is what makes a re-run or an overlapping window converge instead of duplicating plays.
select k.session_id, k.item_in_session, k.user_id, k.copies
from (
    select s.session_id, s.item_in_session, s.user_id, count(*) as copies
    from songplays s
    group by s.session_id, s.item_in_session, s.user_id
) k
where k.copies > 1 or k.session_id is null or k.item_in_session is null or k.user_id is null
