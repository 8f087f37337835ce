using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Summary;

/// Closes a run: records each target's outcome as Cake reports it, then writes artifacts/run-summary.json.
public static class RunEnd
{
    public static void RecordTarget(Run run, string target, bool skipped, bool successful, TimeSpan duration)
    {
        run.Summary.Record(target, skipped ? "skipped" : successful ? "succeeded" : "failed", duration);
        Lineage.LineageLog.Record(run, target, skipped, successful, duration);
    }

    public static async Task WriteSummaryAsync(Run run, bool succeeded)
    {
        IReadOnlyDictionary<string, long?>? rows = null;
        try
        {
            if (await run.ReachableWarehouseAsync() is { } warehouse)
            {
                await using var connection = await warehouse.OpenAsync(run.Ct);
                rows = await Tables.CountRowsAsync(connection, run.Ct);
            }
        }
        catch (Exception e) when (e is PipelineException or Npgsql.NpgsqlException)
        {
            run.Log.Verbose($"row counts left out of the run summary: {e.Message}");
        }
        var path = Path.Combine(run.ArtifactsDir, "run-summary.json");
        await run.Summary.WriteAsync(path, succeeded, rows, CancellationToken.None);
        if (rows is not null && run.Summary.Targets.Any(t => t.Status != "skipped"))
            run.Log.Information(RunDigest.Format(rows, run.Summary.Get("load_errors"), run.Summary.Get("quality"),
                path.StartsWith(run.Root + Path.DirectorySeparatorChar) ? Path.GetRelativePath(run.Root, path) : path));
        else
            run.Log.Verbose($"Run summary written to {path}");
    }
}
