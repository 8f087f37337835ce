using System.Text.Json.Nodes;
using Sparkify.Pipeline.Telemetry;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// Cake's hooks: records each target's outcome as Cake reports it, then writes the run's record (RunHistory) and trace.
public static class RunHooks
{
    /// Before a target: the writer lock for a writing target, then its 'running' row in etl_runs.
    public static Task StartTargetAsync(Run run, string target) => run.Audit.TargetStartingAsync(target);

    public static async Task RecordTargetAsync(Run run, string target, bool skipped, bool successful, TimeSpan duration, Exception? error)
    {
        var status = skipped ? "skipped" : successful ? "succeeded" : run.CancelledBy is not null ? "cancelled" : "failed";
        run.Summary.Record(target, status, duration);
        // A signal that came as the target committed: it is listed succeeded, and said so; never also "rolled back".
        if (successful && !skipped && run.CancelledBy is { } signal)
            run.Log.Warning($"{target} finished before the cancel ({signal}): its work is committed");
        await run.Audit.TargetEndedAsync(target, skipped, successful, error?.Message);
        run.Lineage.Record(target, skipped, successful, duration, run.Summary.Get);
    }

    /// A run cancelled by a signal exits as a shell reports that signal (130 SIGINT, 143 SIGTERM); Cake's own exit
    /// code (0, or 1 for any failure) stands otherwise. Cake returns its code from Main; the runtime's latched exit code,
    /// set at process exit, is the one the process ends with.
    public static void SetExitCode(Run run)
    {
        if (run.CancelledExitCode is { } code) AppDomain.CurrentDomain.ProcessExit += (_, _) => Environment.ExitCode = code;
    }

    /// Writes the run's record and trace (and sends the trace to [TELEMETRY] otlp_endpoint); returns the record, which
    /// build.cake also turns into GitHub Actions' step summary and annotations.
    public static async Task<JsonObject> WriteSummaryAsync(Run run, bool succeeded)
    {
        IReadOnlyDictionary<string, long?>? rows = null;
        try
        {
            if (await run.RunningWarehouseAsync() is { } warehouse)
            {
                // Not the run's token: a cancelled run still reports what the warehouse holds.
                await using var connection = await warehouse.OpenAsync(CancellationToken.None);
                // Another run's open truncate must not hold this run's end (a refused writer's summary, say).
                if (warehouse.Dialect == Dialect.Postgres)
                    await using (var timeout = new Npgsql.NpgsqlCommand("set lock_timeout = '2s'", connection))
                        await timeout.ExecuteNonQueryAsync(CancellationToken.None);
                rows = await Tables.CountRowsAsync(connection, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is PipelineException or Npgsql.NpgsqlException)
        {
            run.Log.Verbose($"row counts left out of the run summary: {e.Message}");
        }
        var status = run.CancelledBy is not null ? "cancelled" : succeeded ? "succeeded" : "failed";
        var document = run.Summary.Document(status, rows);
        if (run.Profile == Config.Profile.Aws) document["cost"] = CostEstimate(run);
        if (GitHubRun.Url(Environment.GetEnvironmentVariables()) is { } url) document["ci_run_url"] = url;
        var changed = RunHistory.ChangedWarehouse(run.Summary.Targets, run.Audit.HoldsWriterLock, run.Summary.Get);
        var path = await RunHistory.WriteAsync(run.ArtifactsDir, document, changed);
        await TraceFile.WriteAsync(document, run.Target, run.ArtifactsDir, run.Config.Telemetry.OtlpEndpoint, run.Log);
        if (run.CancelledBy is not null) run.Log.Warning($"Run {run.Id} cancelled by {run.CancelledBy}; summary in {path}");
        if (rows is not null && run.Summary.Targets.Any(t => t.Status != "skipped"))
            run.Log.Information(RunDigest.Format(rows, run.Summary.Get("load_errors"), run.Summary.Get("quality"),
                path.StartsWith(run.Root + Path.DirectorySeparatorChar) ? Path.GetRelativePath(run.Root, path) : path));
        else
            run.Log.Verbose($"Run summary written to {path}");
        return document;
    }

    /// The configured cluster's on-demand price (aws profile), for the CI step summary.
    static JsonObject CostEstimate(Run run)
    {
        var (cluster, region) = (run.Config.Cluster, run.Config.Aws.Region);
        try
        {
            return new JsonObject { ["estimate"] = Aws.Pricing.Load(run.Root).Describe(region, cluster.NodeType, cluster.NumNodes) };
        }
        catch (PipelineException e)
        {
            return new JsonObject { ["estimate"] = null, ["problem"] = e.Message };
        }
    }
}
