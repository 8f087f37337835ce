-- copy: one staging table from S3 JSON objects, loaded by Redshift itself (every slice reads files in parallel).
-- why: each {placeholder} is replaced by RedshiftCopy with a validated, single-quoted literal or a fixed keyword;
-- the statement names the IAM role, so it is never logged. An empty placeholder removes its line.
copy {table}
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
