-- serverless usage: one row, the RPU-hours Redshift Serverless charged since @since (the usage limit's period start).
-- why: Status shows how much of [SERVERLESS] max_rpu_hours is used; charged_seconds are RPU-seconds, minimums included.
select coalesce(sum(u.charged_seconds), 0) / 3600.0 as rpu_hours
from sys_serverless_usage as u
where u.start_time >= @since
