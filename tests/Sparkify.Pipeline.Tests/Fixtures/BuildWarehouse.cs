using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// The local warehouse a BuildScript's runs use, reached with the owner password from its state file.
public static class BuildWarehouse
{
    public static WarehouseEndpoint Of(BuildScript build)
    {
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(build.StateDir, "state-local.json")))!;
        return new WarehouseEndpoint(Dialect.Postgres, "127.0.0.1", build.PgPort, "sparkify", "sparkify_admin",
            state["local_owner_password"]!.GetValue<string>());
    }

    /// The rows of a one-column-or-more query, each as "a|b|c".
    public static async Task<List<string>> RowsAsync(BuildScript build, string sql)
    {
        await using var connection = await Of(build).OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// artifacts/run-summary.json: the last run that changed the warehouse.
    public static JsonNode Summary(BuildScript build) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(build.ArtifactsDir, "run-summary.json")))!;

    /// Every run's own record, artifacts/runs/RUN_ID.json, oldest first (by the time each run finished).
    public static List<JsonNode> Records(BuildScript build)
    {
        var folder = Path.Combine(build.ArtifactsDir, "runs");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Select(f => JsonNode.Parse(File.ReadAllText(f))!)
                .OrderBy(r => DateTimeOffset.Parse(r["finished_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [];
    }

    /// The record of the run that finished last, whatever it did.
    public static JsonNode LastRecord(BuildScript build) =>
        Records(build) is { Count: > 0 } records ? records[^1] : throw new AssertionException($"no run record under {build.ArtifactsDir}/runs");
}
