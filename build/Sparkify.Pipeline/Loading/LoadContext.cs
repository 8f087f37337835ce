using Npgsql;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// What a client-side load needs besides the command: the sql/ files (for the load_errors table), the log, the
/// run id stamped on the load_errors rows and the load ledger (required: one run has one id, given by its caller),
/// the S3 clients for s3:// sources (moto, AWS or any S3 endpoint; null when every source is local), an optional
/// callback that receives each table's live counters when its load starts, and optionally the caller's own copies and
/// listing of a bucket (the local upload's: its objects are then read from the uploaded files when identical).
/// </summary>
public sealed record LoadContext(SqlFiles Sql, PipelineLog Log, string RunId, S3Clients? S3 = null)
{
    public Action<LoadProgress>? OnStart { get; init; }

    public IBucketMirror? Mirror { get; init; }

    /// The run's one listing of a bucket (StageCopy's upload): loads from that bucket take their prefixes from it
    /// instead of listing again. Without it every load lists S3 itself.
    public IBucketListing? Listing { get; init; }

    /// Runs inside each table's load transaction just before it commits (StageCopy records staging_scope there);
    /// its bool says whether the load replaced the table (else it kept the objects it did not read).
    public Func<NpgsqlConnection, CopyCommand, bool, CancellationToken, Task>? BeforeCommit { get; init; }

    /// The tables BeforeCommit writes along with a table: part of that load's up-to-date check.
    public Func<CopyCommand, IReadOnlyList<string>> WrittenWith { get; init; } = _ => [];

    /// Skip a load whose inputs and table are what its last successful load recorded (Runs/UpToDate.cs); off by
    /// default, so a caller always loads unless it asks; StageCopy asks unless --force.
    public bool SkipUpToDate { get; init; }
}
