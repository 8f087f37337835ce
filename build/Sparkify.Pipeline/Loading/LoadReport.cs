using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// The end-of-load summary: one log line per table (with what it did to the objects: added, changed, removed,
/// unchanged), and the run summary's "loads" (objects_listed, and "objects": the counts) and "load_errors" sections.
/// </summary>
public static class LoadReport
{
    public static void Log(PipelineLog log, IEnumerable<LoadResult> results)
    {
        foreach (var r in results)
            log.Information($"{r.Table,-15} {r.Rows,10:N0} rows  {r.ObjectsListed,6:N0} objects listed" + (r.Counts is { } c ? $" ({c})" : "") +
                            $"  {r.Bytes / 1048576.0,8:N1} MB  {r.Rejected,5:N0} rejected  " +
                            (r.UpToDateSince is { } since
                                ? $"up to date: no object changed and the options are run {since}'s, nothing written (--force reloads)"
                                : $"{r.Seconds,7:N2} s  {r.RowsPerSecond,10:N0} rows/s"));
    }

    public static JsonArray Loads(IEnumerable<LoadResult> results) => new(results.Select(r => (JsonNode)new JsonObject
    {
        ["table"] = r.Table, ["rows"] = r.Rows, ["objects_listed"] = r.ObjectsListed, ["objects"] = r.Counts?.ToJson(), ["bytes"] = r.Bytes,
        ["rejected"] = r.Rejected, ["seconds"] = r.Seconds, ["rows_per_second"] = Math.Round(r.RowsPerSecond),
        ["phases"] = r.Phases is { } p ? Phases(p) : null,
        ["up_to_date_since"] = r.UpToDateSince,
    }).ToArray());

    /// A load's phases as the run summary shows them (read and parse summed over the parser threads).
    public static JsonObject Phases(LoadPhases p) => new()
    {
        ["list"] = p.List, ["read"] = p.Read, ["parse"] = p.Parse, ["write"] = p.Write, ["analyze"] = p.Analyze,
    };

    /// The first 100 rejected records the runs wrote to load_errors (none when the table does not exist yet): this
    /// run's, and those of the runs whose loads a skipped load kept.
    public static async Task<JsonArray> ErrorsAsync(WarehouseEndpoint warehouse, SqlFiles sql, IEnumerable<string> runIds, CancellationToken ct)
    {
        var errors = new JsonArray();
        await using var connection = await warehouse.OpenAsync(ct);
        if (!(await Tables.ExistingAsync(connection, ct)).Contains("load_errors")) return errors;
        await using var command = new NpgsqlCommand(sql.Read("postgres/load_errors_of_run.sql"), connection);
        command.Parameters.AddWithValue("run_ids", runIds.Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            errors.Add(new JsonObject
            {
                ["table"] = reader.GetString(0), ["file"] = reader.GetString(1),
                ["line"] = reader.IsDBNull(2) ? null : reader.GetInt64(2),
                ["column"] = reader.IsDBNull(3) ? null : reader.GetString(3),
                ["value"] = reader.IsDBNull(4) ? null : reader.GetString(4),
                ["code"] = reader.GetInt32(5), ["reason"] = reader.GetString(6),
            });
        return errors;
    }
}
