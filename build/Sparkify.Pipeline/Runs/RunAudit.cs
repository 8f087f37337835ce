using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// What a run leaves in the warehouse about itself, under its one id: the writer lock, taken by the first target
/// that writes and held to the end of the run, and one etl_runs row per target ('running' at its start, its outcome
/// at its end). Only the lock's holder writes 'running' rows, so a later holder can mark leftovers 'abandoned'.
/// A target that runs before the lock (Provision: the warehouse may not exist yet) is recorded once the run holds
/// it; a read-only Report alone records one finished row at its end.
/// </summary>
public sealed class RunAudit(Run run) : IDisposable
{
    /// The targets with an etl_runs row.
    public static readonly IReadOnlySet<string> Audited =
        new HashSet<string>(["Provision", "CreateTables", "StageCopy", "Transform", "Verify", "Report"], StringComparer.OrdinalIgnoreCase);

    /// The targets that write the warehouse (StageCopy also the local bucket): they run under the writer lock.
    public static readonly IReadOnlySet<string> Writers =
        new HashSet<string>(["CreateTables", "StageCopy", "Transform", "Verify"], StringComparer.OrdinalIgnoreCase);

    readonly Dictionary<string, DateTime> _started = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, (JsonNode? Counts, string Detail)> _reported = new(StringComparer.OrdinalIgnoreCase);
    readonly List<(string Target, DateTime Started, DateTime Finished, string Status, JsonNode? Counts, string? Detail)> _pending = [];
    WriterLock? _lock;
    WarehouseEndpoint? _warehouse;

    public bool HoldsWriterLock => _lock is not null;

    /// Cake's TaskSetup: a writing target takes the lock (or is refused naming the holder); then its 'running' row.
    public async Task TargetStartingAsync(string target)
    {
        // A signal that came while the previous target was committing: that target finished before the cancel (it says so
        // at its end) and nothing more starts. Said here, not as a bare "The operation was canceled." from the next call.
        if (run.CancelledBy is { } signal)
            throw new PipelineException($"{target} did not start: the run was cancelled by {signal}; what finished before the cancel is " +
                                        "committed, and nothing of " + target + " ran");
        if (!Audited.Contains(target)) return;
        _started[target] = Clock.Now();
        if (Writers.Contains(target) && _lock is null)
        {
            _warehouse = await run.WarehouseAsync();
            var me = new WriterHolder(run.Id, WriterHolder.ThisProcess, target, _started[target]);
            run.Log.Verbose($"taking the writer lock of {_warehouse} for {target}");
            _lock = await WriterLock.AcquireAsync(_warehouse, run.Sql, me, run.Args.Flag(Options.Wait), run.Log, run.Ct);
            run.Log.Verbose($"writer lock of {_warehouse} taken by run {run.Id}");
        }
        if (_lock is null) return;
        await _lock.EnterAsync(run.Id, target, run.Ct);
        await FlushPendingAsync(run.Ct);
        await WithEtlRunsAsync(_warehouse!, target, _started[target], audit => audit.StartAsync(run.Ct), run.Ct);
    }

    /// <summary>
    /// Teardown removes the warehouse, so it writes too: it takes the writer lock (or waits for it with --wait) before it
    /// removes anything, and a run that writes the warehouse makes it refuse, naming that run. A warehouse that is not
    /// running has no writer and is not started for this; the local server's stop ends the lock's session with it.
    /// </summary>
    public async Task TearingDownAsync()
    {
        if (_lock is not null) return; // --teardown-after: this run holds it already
        WarehouseEndpoint? warehouse;
        try
        {
            warehouse = await run.RunningWarehouseAsync();
        }
        catch (PipelineException e)
        {
            run.Log.Warning($"Teardown could not reach the warehouse to take its writer lock ({e.Message}); it goes on without it");
            return;
        }
        if (warehouse is null) return;
        var me = new WriterHolder(run.Id, WriterHolder.ThisProcess, "Teardown", Clock.Now());
        try
        {
            _lock = await WriterLock.AcquireAsync(warehouse, run.Sql, me, run.Args.Flag(Options.Wait), run.Log, run.Ct);
            _warehouse = warehouse;
            run.Log.Verbose($"writer lock of {warehouse} taken by Teardown (run {run.Id})");
        }
        catch (PipelineException e) when (e.InnerException is NpgsqlException or TimeoutException)
        {
            // Not a refusal: the warehouse did not answer (a server already stopping, a cluster being deleted).
            run.Log.Warning($"Teardown could not reach the warehouse to take its writer lock ({e.Message}); it goes on without it");
        }
    }

    /// What a target says of its own work (Transform's row counts, Verify's checks): written with its outcome.
    public void Report(string target, JsonNode? counts, string detail) => _reported[target] = (counts, detail);

    /// Cake's TaskTeardown: the outcome as Cake saw it (succeeded, failed, or cancelled by a signal).
    public async Task TargetEndedAsync(string target, bool skipped, bool successful, string? error)
    {
        if (skipped || !_started.Remove(target, out var started)) return;
        var status = successful ? "succeeded" : run.CancelledBy is not null ? "cancelled" : "failed";
        var own = _reported.Remove(target, out var reported);
        _pending.Add((target, started, Clock.Now(), status, own ? reported.Counts : null, own ? reported.Detail : successful ? null : error));
        try
        {
            if (_lock is not null) await FlushPendingAsync(CancellationToken.None);
            else if (target.Equals("Report", StringComparison.OrdinalIgnoreCase) && await run.RunningWarehouseAsync() is { } warehouse)
            {
                _warehouse = warehouse;
                await FlushPendingAsync(CancellationToken.None);
            }
        }
        catch (Exception e) when (e is NpgsqlException or PipelineException)
        {
            // The target's own outcome is what the run reports; a lost audit row only warns.
            run.Log.Warning($"could not record {target}'s outcome in etl_runs: {e.Message}");
        }
    }

    async Task FlushPendingAsync(CancellationToken ct)
    {
        foreach (var row in _pending.ToList())
        {
            var written = await WithEtlRunsAsync(_warehouse!, row.Target, row.Started,
                audit => audit.OutcomeAsync(row.Status, row.Finished, row.Counts, row.Detail ?? "", ct), ct);
            if (written) _pending.Remove(row);
        }
    }

    /// Runs the write when etl_runs exists (CreateTables makes it); false when it does not yet.
    async Task<bool> WithEtlRunsAsync(WarehouseEndpoint warehouse, string target, DateTime started, Func<EtlRuns, Task> write,
        CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        if (!(await Tables.ExistingAsync(connection, ct)).Contains("etl_runs")) return false;
        await write(new EtlRuns(connection, run.Sql, run.Id, target, run.Window, started));
        return true;
    }

    /// Ends the lock's session, which releases the lock.
    public void Dispose()
    {
        _lock?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _lock = null;
    }
}
