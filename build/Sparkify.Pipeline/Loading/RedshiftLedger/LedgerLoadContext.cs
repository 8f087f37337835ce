using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// What a Redshift ledger load needs besides the command and the listing: the warehouse, the sql/ files, the IAM role
/// COPY reads S3 with, the log, the run id its ledger and staging_changes rows carry, which system views report load
/// errors, a callback inside the load's transaction just before it commits (StageCopy records staging_scope there),
/// the clock (loaded_at, UTC) and the COPY runner (Redshift's own unless a test stands in for it).
/// </summary>
public sealed record LedgerLoadContext(WarehouseEndpoint Warehouse, SqlFiles Sql, string RoleArn, PipelineLog Log, string RunId)
{
    public LoadViews Views { get; init; } = LoadViews.SysOnly;

    /// Its bool says whether the load replaced the whole table (a first ledger load) rather than some of its objects.
    public Func<NpgsqlConnection, CopyCommand, bool, CancellationToken, Task>? BeforeCommit { get; init; }

    public Func<DateTime> Now { get; init; } = () => DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);

    public RedshiftLedgerLoad.CopyRunner? RunCopy { get; init; }
}
