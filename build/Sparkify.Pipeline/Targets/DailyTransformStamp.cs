using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// What a daily Transform wrote, for the next Verify (etl_stamps, step "transform:daily", PostgreSQL): the marks of the
/// seven tables and staging_scope read before its first write and recorded after its last, its changed days, whether
/// it did a full run's clean-up, and its rows per table. Recorded in the Transform's own transaction, so it commits with
/// the work it describes. A Verify may then check only those days when the marks chain from its last passing run
/// through this one to now (<see cref="VerifyScope"/>, docs/reruns.md "A scoped daily Verify").
/// </summary>
static class DailyTransformStamp
{
    public const string Step = "transform:daily";
    /// etl_stamps.result is varchar(2048): a run whose record is longer is not stamped (the next Verify is full).
    const int MaxResult = 2048;

    /// The marks before a daily run's first write; null for any other run (it records nothing).
    public static async Task<string?> BeforeAsync(NpgsqlConnection connection, SqlFiles sql, EventRange range, IReadOnlyList<string> tables,
        CancellationToken ct) =>
        range.Changed is null ? null : await UpToDate.MarksAsync(connection, sql, tables, ct);

    /// Records the run when the marks after it are those before plus one write per statement it ran on each table
    /// (statement triggers count a statement that changed no row too): any other count means someone else wrote meanwhile,
    /// and then nothing is recorded, so the next Verify is full.
    public static async Task RecordAsync(NpgsqlConnection connection, SqlFiles sql, string? before, EventRange range,
        IReadOnlyList<string> tables, IReadOnlyList<SqlStatement> statements, TableChanges changes, string runId, CancellationToken ct)
    {
        if (before is null || range.Changed is not { } days) return;
        var after = await UpToDate.MarksAsync(connection, sql, tables, ct);
        var own = statements.Where(s => s.Table is not null).GroupBy(s => s.Table!).ToDictionary(g => g.Key, g => (long)g.Count());
        if (after is null || !TableMarks.Parse(after).Same(TableMarks.Parse(before).Plus(own))) return;
        var result = new JsonObject
        {
            ["before"] = before,
            ["days"] = new JsonArray([.. days.Select(d => (JsonNode?)new JsonArray($"{d.From:yyyy-MM-dd}", $"{d.To:yyyy-MM-dd}"))]),
            ["clean_up"] = range.CleanUp,
            ["tables"] = changes.ToJson(),
        };
        if (result.ToJsonString().Length > MaxResult) return;
        await UpToDate.RecordAsync(connection, sql, Step, "daily", tables, runId, result, ct, after);
    }

    /// The changed days of a recorded run.
    public static IReadOnlyList<DateWindow> Days(JsonObject result) =>
        (result["days"] as JsonArray ?? []).OfType<JsonArray>()
        .Select(p => new DateWindow(Day(p[0]), Day(p[1]))).ToList();

    static DateOnly Day(JsonNode? node) => DateOnly.ParseExact(node!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
