-- warehouse_source: at most one row: the source the warehouse's staging was loaded from (aws: the [S3] prefixes;
--                   local: the sample folder's real path, or "generated scale N seed S").
-- why: one source per warehouse (docs/reruns.md): a run without --sample uses this source, a window run from another
--      source is refused, a full run from another source switches to it. Written by StageCopy in the transaction of
--      its first table load, so staging and its recorded source never disagree, even after a crash.
create table if not exists warehouse_source (
    source      varchar(1024)  not null,
    set_by_run  varchar(64)    not null,
    set_at      timestamp      not null
)
