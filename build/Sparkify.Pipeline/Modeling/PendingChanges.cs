using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// What StageCopy changed in staging and no Transform has consumed yet (staging_changes, written in each load's
/// transaction), and what a daily Transform makes of it: the days to recompute, or why only a full run is exact.
/// </summary>
public sealed class PendingChanges
{
    public const string Table = Tables.StagingChanges;
    const string Folder = "daily";

    PendingChanges(IReadOnlyList<PendingChange> rows) => Rows = rows;

    public IReadOnlyList<PendingChange> Rows { get; }

    /// Nothing pending (a window run reads none: it leaves them to the next run without one).
    public static readonly PendingChanges None = new([]);

    public bool Pending => Rows.Count > 0;

    /// Why these changes need a full Transform, or null when recomputing Days() is exact.
    public string? FullBecause =>
        Rows.FirstOrDefault(r => r.Table != "staging_events") is { } song
            ? $"{song.Table} changed ({song.Change} {song.ObjectKey}): a song's change can re-match plays on any day"
            : Rows.FirstOrDefault(r => r.DayFrom is null || r.DayTo is null) is { } unknown
                ? $"the days of {unknown.ObjectKey} ({unknown.Change}) are unknown"
                : null;

    /// An object left staging or its rows were replaced: users whose events left are found only by taking all users.
    public bool RemovedAny => Rows.Any(r => r.Change != "added");

    /// The changed days, merged into as few ranges as DayRanges allows.
    public IReadOnlyList<DateWindow> Days() =>
        DayRanges.Merge(Rows.Where(r => r is { DayFrom: not null, DayTo: not null }).Select(r => new DateWindow(r.DayFrom!.Value, r.DayTo!.Value)));

    /// The pending rows; none in a warehouse made by an older CreateTables (every Transform there is a full one).
    public static async Task<PendingChanges> ReadAsync(NpgsqlConnection connection, SqlFiles sql, CancellationToken ct)
    {
        if (!(await Tables.ExistingAsync(connection, ct)).Contains(Table)) return None;
        var rows = new List<PendingChange>();
        await using var command = new NpgsqlCommand(sql.Read($"{Folder}/staging_changes_pending.sql"), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new PendingChange(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
        return new PendingChanges(rows);
    }

    /// Deletes the rows read, inside the caller's transaction (the Transform that consumed them).
    public async Task ConsumeAsync(NpgsqlConnection connection, SqlFiles sql, CancellationToken ct)
    {
        foreach (var runId in Rows.Select(r => r.RunId).Distinct())
        {
            await using var command = new NpgsqlCommand(sql.Read($"{Folder}/staging_changes_consumed.sql"), connection);
            command.Parameters.AddWithValue("run_id", runId);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// Makes transform_days for this transaction, holding the ranges of a daily run (none for any other run).
    public static async Task CreateDaysAsync(NpgsqlConnection connection, SqlFiles sql, IReadOnlyList<DateWindow> ranges, CancellationToken ct)
    {
        const string created = $"{Folder}/transform_days_created.sql";
        foreach (var statement in SqlScript.Split(created, sql.Read(created)))
            await Statement.ExecuteAsync(connection, statement.Text, ct);
        foreach (var range in ranges)
        {
            await using var command = new NpgsqlCommand(sql.Read($"{Folder}/transform_day_added.sql"), connection);
            var (from, to) = range.EpochMilliseconds;
            command.Parameters.AddWithValue("from_ms", from);
            command.Parameters.AddWithValue("to_ms", to);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// Fills transform_recent with a daily run's staged events from its first changed day on, read once for the
    /// statements that would each scan all of staging_events (sql/daily/transform_recent_filled.sql says why).
    public static async Task FillRecentAsync(NpgsqlConnection connection, SqlFiles sql, EventRange range, CancellationToken ct)
    {
        const string file = $"{Folder}/transform_recent_filled.sql";
        foreach (var statement in SqlScript.Split(file, sql.Read(file)))
        {
            await using var command = new NpgsqlCommand(statement.Text, connection);
            range.Bind(command);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// Plays outside transform_days that share a key with a staged play inside (0 = exact): after only additions the
    /// facts outside, else the staged events outside (the two files say why).
    public static async Task<long> KeysAcrossDaysAsync(NpgsqlConnection connection, SqlFiles sql, EventRange range, CancellationToken ct)
    {
        var file = range.CleanUp ? "keys_across_days.sql" : "keys_across_days_added.sql";
        await using var command = new NpgsqlCommand(sql.Read($"{Folder}/{file}"), connection);
        range.Bind(command);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }
}
