using System.Text.Json;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Verify's up-to-date stamp (etl_stamps, step "Verify"; PostgreSQL): the fingerprint of its checks, screens, session
/// settings, window and staging scope, and the marks of the tables it checks, read before the checks run. A passing Verify records
/// it; the next Verify whose inputs and marks still match is not run (docs/reruns.md). A failing Verify records none,
/// so it runs, and fails, again.
/// </summary>
sealed class VerifyStamp(string inputs, string? marks, UpToDate.Stamp? current, EventRange range)
{
    public const string Step = "Verify";
    /// etl_stamps.result is varchar(2048): counts longer than that are not stamped (Verify then always runs).
    const int MaxResult = 2048;

    /// The seven tables and staging_scope (a bare Verify's scope).
    static readonly IReadOnlyList<string> Stamped = [.. Tables.All, StagingScope.Table];

    /// The stamp of the last passing Verify when it is still current; null otherwise.
    public UpToDate.Stamp? Current => current;

    /// The fingerprint of the checks, settings, window and staging scope; the marks now (null: writes not counted).
    public string Inputs => inputs;
    public string? Marks => marks;

    /// The scope without a daily run's days: the window, the days staging holds, or all time.
    public EventRange Range => range;

    public static async Task<VerifyStamp> ReadAsync(WarehouseEndpoint warehouse, SqlFiles sql, DateWindow? window, CancellationToken ct)
    {
        var files = sql.List(QualityCheck.Folder).Concat(sql.List(QualityScreen.Folder))
            .Append("postgres/one_backend_session.sql").Append("postgres/verify_scoped_session.sql").Append("postgres/verify_unique_enforced.sql");
        await using var connection = await warehouse.OpenAsync(ct);
        var range = await EventRange.ForAsync(connection, sql, window, ct);
        // The scope is part of it: a Verify of some days only is no base for a scoped one (VerifyScope).
        var inputs = UpToDate.Fingerprint(files.Select(f => $"{f} {sql.Read(f)}").Prepend($"window {window} scope {range.FromMs} {range.ToMs}"));
        var marks = await UpToDate.MarksAsync(connection, sql, Stamped, ct);
        var current = marks is null ? null : await UpToDate.CurrentAsync(connection, sql, Step, inputs, Stamped, ct);
        return new VerifyStamp(inputs, marks, current, range);
    }

    /// Records a passing Verify with the marks read before its checks: a write during them leaves a stamp that no
    /// longer matches.
    public async Task RecordAsync(WarehouseEndpoint warehouse, SqlFiles sql, string runId, JsonObject counts, CancellationToken ct)
    {
        if (marks is null || counts.ToJsonString().Length > MaxResult) return;
        await using var connection = await warehouse.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await UpToDate.RecordAsync(connection, sql, Step, inputs, Stamped, runId, counts, ct, marks);
        await transaction.CommitAsync(ct);
    }

    /// The run summary's "quality" of the run whose result still holds: from its record (artifacts/runs/RUN_ID.json),
    /// else each check with its recorded violations.
    public static JsonArray Quality(string artifactsDir, UpToDate.Stamp stamp)
    {
        var record = Path.Combine(artifactsDir, "runs", $"{stamp.RunId}.json");
        try
        {
            if (File.Exists(record) && JsonNode.Parse(File.ReadAllText(record))?["quality"] is JsonArray { Count: > 0 } quality)
                return (JsonArray)quality.DeepClone();
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
        }
        return new JsonArray(VerifyCounts.Parse(stamp.Result.ToJsonString()).Checks.Select(c => (JsonNode)new JsonObject
        {
            ["check"] = c.Key, ["status"] = c.Value == 0 ? "passed" : "failed", ["violations"] = c.Value,
        }).ToArray());
    }
}
