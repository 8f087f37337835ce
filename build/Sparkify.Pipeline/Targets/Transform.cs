using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Builds songplays, users, songs, artists and time from the staging tables with sql/transform/, in one transaction:
/// a full run (no --from/--to, staging holds the whole source) leaves them equal to a fresh build; a window run
/// replaces the window's facts and merges the dimensions (docs/reruns.md).
public static class Transform
{
    public const string Folder = "transform";

    public static Task<TransformResult> ExecuteAsync(Run run) => run.Boundary("Transform", async () =>
    {
        var warehouse = await run.WarehouseAsync();
        TransformResult result;
        try
        {
            result = await RunAsync(warehouse, run.Sql, run.Window, run.Id, run.Ct, skipUpToDate: !run.Args.Flag(Options.Force));
        }
        catch (Exception e)
        {
            run.Audit.Report("Transform", null, e.Message);
            throw;
        }
        run.Audit.Report("Transform", result.Changes.ToJson(), result.Detail);
        if (result.UpToDateSince is { } since)
        {
            run.Log.Information($"Transform on {warehouse}, {result.Range}: up to date, not run: nothing it reads or writes changed since run " +
                                $"{since} transformed the same staged data with the same SQL (--force runs it anyway)");
            run.Summary.Set("transform", result.ToJson());
            run.Summary.UpToDate("Transform", since);
            return result;
        }
        run.Log.Information($"Transform on {warehouse}, {result.Range}" +
                            $"{(result.FullBecause is { } why ? $" (staging_changes pending, but {why})" : "")}: {result.Elapsed.TotalSeconds:0.00} s, one transaction");
        foreach (var table in result.Changes.Tables)
            run.Log.Information($"  {table,-10} {result.Changes.Inserted(table),9:N0} inserted {result.Changes.Updated(table),9:N0} updated " +
                                $"{result.Changes.Deleted(table),9:N0} deleted");
        run.Summary.Set("transform", result.ToJson());
        return result;
    });

    /// Runs every file of sql/transform/ in name order inside one transaction; the run's lifecycle records it in etl_runs.
    /// With <paramref name="skipUpToDate"/>, a run whose staged data, SQL, scope and star tables are what the last
    /// successful run left (Runs/UpToDate.cs) changes nothing, and is recorded as such instead; without a window, the
    /// changes StageCopy recorded (staging_changes) make it a daily run over their days when that is exact, and are
    /// consumed in the same transaction (docs/reruns.md). Without it (--force) every run without a window is full.
    public static async Task<TransformResult> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, DateWindow? window,
        string runId, CancellationToken ct, bool skipUpToDate = false)
    {
        var statements = sql.List(Folder).SelectMany(file => SqlScript.Split(file, sql.Read(file))).ToList();
        await using var connection = await warehouse.OpenAsync(ct);
        var clock = Stopwatch.StartNew();
        var changes = new TableChanges();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (warehouse.Dialect == Dialect.Postgres) await Statement.ExecuteAsync(connection, sql.Read("postgres/transform_session.sql"), ct);
        var range = await EventRange.ForAsync(connection, sql, window, ct);
        // A window run leaves them to the next run without one; every other run covers all of staging.
        var pending = window is null ? await PendingChanges.ReadAsync(connection, sql, ct) : PendingChanges.None;
        var script = UpToDate.Fingerprint(statements.Select(st => $"{st.File} {st.Text}"));
        // A daily run leaves what a full run does, so it is stamped with a full run's inputs.
        var inputs = UpToDate.Fingerprint(statements.Select(st => $"{st.File} {st.Text}").Prepend($"scope {range.FromMs} {range.ToMs} {range.Full}"));
        if (skipUpToDate && warehouse.Dialect == Dialect.Postgres && !pending.Pending &&
            await UpToDate.CurrentAsync(connection, sql, Folder, inputs, Stamped, ct) is { } stamp)
        {
            await transaction.CommitAsync(ct);
            return new TransformResult(range, new TableChanges(), clock.Elapsed) { UpToDateSince = stamp.RunId };
        }
        (range, var fullBecause) = await TransformScope.DecideAsync(connection, warehouse.Dialect, sql, range, pending, script, skipUpToDate, ct);
        // A daily run's marks before its first write, so the next Verify can tell it was the only writer.
        var before = warehouse.Dialect == Dialect.Postgres ? await DailyTransformStamp.BeforeAsync(connection, sql, range, Stamped, ct) : null;
        // A first run into empty tables writes them without the write-ahead log (the file says when and why).
        if (warehouse.Dialect == Dialect.Postgres) await Statement.ExecuteAsync(connection, sql.Read("postgres/empty_star_truncated.sql"), ct);
        var statistics = await TableStatistics.ReadAsync(connection, sql, warehouse.Dialect, ct);
        foreach (var statement in statements)
        {
            var rows = await ExecuteAsync(connection, statement, range, ct);
            if (statement.Table is not null)
            {
                changes.Add(statement.Table, statement.Kind!, rows);
                await statistics.AfterAsync(connection, statement, rows, ct);
            }
            if (PausePoint.Armed) PausePoint.Reach($"transform:after:{Path.GetFileName(statement.File)}", ct);
        }
        await pending.ConsumeAsync(connection, sql, ct);
        // Consumed but not committed: a kill here must leave them for the next run (tests/…/Runs/DailyCrashTests.cs).
        if (pending.Pending) PausePoint.Reach("transform:after:staging_changes_consumed", ct);
        if (warehouse.Dialect == Dialect.Postgres)
        {
            await UpToDate.RecordAsync(connection, sql, Folder, inputs, Stamped, runId, changes.ToJson(), ct);
            // Only a run that leaves a fresh build's star schema vouches for it to the next daily run.
            if (range.Full || range.Changed is not null)
                await UpToDate.RecordAsync(connection, sql, TransformScope.StarStep, script, TransformScope.Star, runId, changes.ToJson(), ct);
            await DailyTransformStamp.RecordAsync(connection, sql, before, range, Stamped, statements, changes, runId, ct);
        }
        PausePoint.Reach("transform:before:commit", ct);
        await transaction.CommitAsync(ct);
        return new TransformResult(range, changes, clock.Elapsed) { FullBecause = fullBecause };
    }

    /// What Transform reads and writes: the seven tables, and the scope staging_scope gives a run without a window.
    static readonly IReadOnlyList<string> Stamped = [.. Tables.All, StagingScope.Table];

    static async Task<long> ExecuteAsync(NpgsqlConnection connection, SqlStatement statement, EventRange range, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(statement.Text, connection);
        range.Bind(command);
        try
        {
            return await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e)
        {
            // Rolled back as a whole; the file and the server's words say where to look.
            throw new PipelineException($"Transform failed in sql/{statement.File} ({e.SqlState}: {LogText.Value(e.MessageText)}" +
                                        $"{(e.Detail is { Length: > 0 } d ? "; " + d : "")}); nothing was changed. " +
                                        "Fix the staged data or the file, then run ./build.sh Transform again", e);
        }
    }
}
