using System.Diagnostics;
using Sparkify.Pipeline;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// What every transform case does with the warehouse: stage a sample with the project's loader, run the project's own
/// Transform (Targets/Transform.cs, sql/transform/: the code path of ./build.sh Transform) timed, and checksum the star.
/// </summary>
public sealed class TransformHarness(WarehouseEndpoint warehouse, SqlFiles sql, string root, TextWriter output)
{
    int _runs;

    public WarehouseEndpoint Warehouse => warehouse;
    public SqlFiles Sql => sql;
    public TextWriter Output => output;

    /// Empties staging and loads the sample into it as StageCopy does (ClientCopy, dwh.cfg's [LOAD]; it analyzes both tables).
    public async Task StageAsync(string sample, CancellationToken ct)
    {
        await BenchSql.ExecuteAsync(warehouse, sql, "truncate_staging.sql", ct);
        await ProjectLoaderLoad.FromDirectory(sql, root).LoadAsync(warehouse, sample, ct);
    }

    /// The project's Transform, full (window null) or windowed, in wall seconds.
    public async Task<double> TransformAsync(DateWindow? window, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await Transform.RunAsync(warehouse, sql, window, RunId(), ct);
        return clock.Elapsed.TotalSeconds;
    }

    /// A fresh build: the star tables emptied (untimed), then the full Transform (timed).
    public async Task<double> FreshBuildAsync(CancellationToken ct)
    {
        await BenchSql.ExecuteAsync(warehouse, sql, "truncate_star.sql", ct);
        return await TransformAsync(null, ct);
    }

    public Task<StarChecksum> ChecksumAsync(CancellationToken ct) => StarChecksum.ReadAsync(warehouse, sql, ct);

    /// A run id of its own for each Transform, so etl_runs keeps one row per measured run.
    public string RunId() => $"bench-{DateTime.UtcNow:yyyyMMddTHHmmss}-{Interlocked.Increment(ref _runs):000}";

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
