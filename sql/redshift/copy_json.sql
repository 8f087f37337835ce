-- copy: one staging table from S3 JSON objects, loaded by Redshift itself (every slice reads files in parallel).
-- why: each {placeholder} is replaced by RedshiftCopy with a validated, single-quoted literal or a fixed keyword;
-- the statement names the IAM role, so it is never logged. An empty placeholder removes its line. {columns} is the staging
-- table's column list without object_id, which the load fills (COPY with JSONPaths needs one path per listed column).
copy {table} {columns}
from {from}
iam_role {iam_role}
format as json {format}
{region}
{dateformat}
{timeformat}
{acceptinvchars}
{blanksasnull}
{emptyasnull}
{truncatecolumns}
{roundec}
{ignoreheader}
{gzip}
{manifest}
maxerror as {maxerror}
compupdate {compupdate}
statupdate {statupdate}
