using System.Data;
using System.Globalization;
using Sparkify.Pipeline.Warehouse;
using Npgsql;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Quality;

/// <summary>
/// Runs the checks on the given connections at once (a <see cref="SharedQueue"/>) and returns the outcomes in file order. Jobs are taken in this
/// order: the screens, the checks no screen answers (file order), then the answered ones, each of which runs its own
/// file only when its screen counted rows for it. The checks only read, and Verify holds the writer lock, so no
/// run changes the tables meanwhile. A job that fails stops the others; the error names its file. With a
/// <c>failedFolder</c>, every offending row of a failing rule goes to its <see cref="FailedRowsCsv"/> as it is read.
/// A <c>beside</c> job (Verify's row counts) is queued after the screens, so it no longer waits for every check.
/// A check named in <c>enforced</c> (its key is one PostgreSQL enforces, <see cref="UniqueKey"/>) passes without its
/// scan; its query is only described, so its outcome keeps its columns. <c>days</c> binds @days_from_ms/@days_to_ms
/// (<see cref="CheckScope"/>): all time unless a scoped Verify gives the changed days.
/// </summary>
public static class CheckRunner
{
    /// Offending rows kept per check for the console, the run summary and the data docs (the rest only in the CSV).
    public const int SampleRows = 20;

    public static async Task<IReadOnlyList<CheckOutcome>> RunAsync(IReadOnlyList<NpgsqlConnection> connections,
        IReadOnlyList<QualityCheck> checks, IReadOnlyList<QualityScreen> screens, EventRange range, CancellationToken ct,
        string? failedFolder = null, Func<NpgsqlConnection, CancellationToken, Task>? beside = null,
        IReadOnlySet<string>? enforced = null, EventRange? days = null)
    {
        var scope = new CheckScope(range, days ?? EventRange.All);
        var outcomes = new CheckOutcome[checks.Count];
        var counted = screens.ToDictionary(s => s, _ => new TaskCompletionSource<IReadOnlyDictionary<string, long>>(
            TaskCreationOptions.RunContinuationsAsynchronously));
        var screenOf = screens.SelectMany(s => s.Answers.Select(n => (n, s))).ToDictionary(p => p.n, p => p.s);

        async Task CheckAsync(NpgsqlConnection connection, int i, CancellationToken stop)
        {
            var check = checks[i];
            outcomes[i] = enforced?.Contains(check.Name) == true ? await DescribedAsync(connection, check, scope, stop)
                : screenOf.TryGetValue(check.Name, out var screen)
                  && (await counted[screen].Task.WaitAsync(stop))[check.Name] == 0
                    ? CheckOutcome.Passed(check)
                    : await RunOneAsync(connection, check, scope, check.Informational ? null : failedFolder, stop);
            if (PausePoint.Armed) PausePoint.Reach($"verify:after:{Path.GetFileName(check.File)}", stop);
        }
        async Task ScreenAsync(NpgsqlConnection connection, QualityScreen screen, CancellationToken stop)
        {
            try
            {
                counted[screen].SetResult(await CountAsync(connection, screen, scope, stop));
            }
            catch (Exception e)
            {
                counted[screen].TrySetException(e);
                throw;
            }
        }
        var order = Enumerable.Range(0, checks.Count).OrderBy(i => screenOf.ContainsKey(checks[i].Name)).ToList();
        var jobs = screens.Select(s => (Func<NpgsqlConnection, CancellationToken, Task>)((c, stop) => ScreenAsync(c, s, stop)))
            .Concat(beside is null ? [] : [beside])
            .Concat(order.Select(i => (Func<NpgsqlConnection, CancellationToken, Task>)((c, stop) => CheckAsync(c, i, stop)))).ToList();
        await SharedQueue.RunAsync(connections, jobs.Count, (connection, j, stop) => jobs[j](connection, stop), ct);
        return outcomes;
    }

    static async Task<IReadOnlyDictionary<string, long>> CountAsync(NpgsqlConnection connection, QualityScreen screen,
        CheckScope scope, CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand(screen.Sql, connection);
            scope.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            if (!columns.Order().SequenceEqual(screen.Answers.Order()) || !await reader.ReadAsync(ct))
                throw new PipelineException($"Verify: sql/{screen.File} must return one row with the columns its header answers " +
                                            $"({string.Join(", ", screen.Answers)}); it returned {(reader.HasRows ? "" : "no row with ")}" +
                                            $"{string.Join(", ", columns)}");
            return columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => Convert.ToInt64(reader.GetValue(p.i), CultureInfo.InvariantCulture));
        }
        catch (PostgresException e)
        {
            throw new PipelineException($"Verify: a quality screen did not run ({e.SqlState}: {e.MessageText}); check sql/{screen.File}", e);
        }
    }

    /// A check that cannot fail now: its query is parsed and described, never run, for the columns a pass shows.
    static async Task<CheckOutcome> DescribedAsync(NpgsqlConnection connection, QualityCheck check, CheckScope scope, CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand(check.Sql, connection);
            scope.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly, ct);
            return new CheckOutcome(check, 0, Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList(), []);
        }
        catch (PostgresException e)
        {
            throw new PipelineException($"Verify: a quality check did not run ({e.SqlState}: {LogText.Value(e.MessageText)}); check sql/{check.File}", e);
        }
    }

    static async Task<CheckOutcome> RunOneAsync(NpgsqlConnection connection, QualityCheck check, CheckScope scope,
        string? failedFolder, CancellationToken ct)
    {
        FailedRowsCsv? csv = null;
        try
        {
            await using var command = new NpgsqlCommand(check.Sql, connection);
            scope.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            long rows = 0;
            var sample = new List<string?[]>();
            while (await reader.ReadAsync(ct))
            {
                var row = Enumerable.Range(0, reader.FieldCount).Select(i => Show(reader, i)).ToArray();
                if (rows++ < SampleRows) sample.Add(row);
                if (failedFolder is not null)
                {
                    csv ??= FailedRowsCsv.Create(failedFolder, check.Name, columns);
                    await csv.WriteAsync(row);
                }
            }
            return new CheckOutcome(check, rows, columns, sample, csv?.Path);
        }
        catch (PostgresException e)
        {
            throw new PipelineException($"Verify: a quality check did not run ({e.SqlState}: {LogText.Value(e.MessageText)}); check sql/{check.File}", e);
        }
        finally
        {
            if (csv is not null) await csv.DisposeAsync();
        }
    }

    static string? Show(NpgsqlDataReader reader, int column) => reader.IsDBNull(column)
        ? null
        : reader.GetValue(column) switch
        {
            DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
}
