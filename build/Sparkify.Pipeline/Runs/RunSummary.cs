using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// The machine-readable record of one run: artifacts/run-summary.json. Targets add their own sections
/// (loads, load_errors, quality) with <see cref="Set"/>; the file is written once, when the run ends
/// (succeeded, failed or cancelled), and carries the run id of the run's etl_runs and load_errors rows.
/// </summary>
public sealed class RunSummary(string profile, string runId)
{
    // Relaxed escaping keeps "+00:00" and non-ASCII names readable; the file is never embedded in HTML.
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    readonly List<TargetOutcome> _targets = [];
    readonly Dictionary<string, string> _upToDate = [];
    readonly JsonObject _sections = new() { ["load_errors"] = new JsonArray(), ["quality"] = new JsonArray() };

    public IReadOnlyList<TargetOutcome> Targets => _targets;

    /// A target's outcome as Cake reports it at the target's end; it started <paramref name="duration"/> ago.
    public void Record(string target, string status, TimeSpan duration) =>
        _targets.Add(new TargetOutcome(target, status, Math.Round(duration.TotalSeconds, 3), DateTimeOffset.UtcNow - duration));

    /// A target that was up to date and did not run: its entry in "targets" names the run whose result still holds.
    public void UpToDate(string target, string sinceRun) => _upToDate[target] = sinceRun;

    /// The record's own fields, which no section may replace.
    static readonly string[] Fields = ["run_id", "profile", "status", "started_at", "finished_at", "targets", "tables"];

    public void Set(string section, JsonNode? value)
    {
        if (Fields.Contains(section)) throw new ArgumentException($"'{section}' is a field of the run summary, not a section");
        _sections[section] = value;
    }

    public JsonNode? Get(string section) => _sections[section];

    /// The whole record; <paramref name="status"/> is succeeded, failed or cancelled.
    public JsonObject Document(string status, IReadOnlyDictionary<string, long?>? tableRows)
    {
        var document = new JsonObject
        {
            ["run_id"] = runId,
            ["profile"] = profile,
            ["status"] = status,
            ["started_at"] = _started.ToString("O"),
            ["finished_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["targets"] = new JsonArray(_targets.Select(Target).ToArray()),
            ["tables"] = tableRows is null ? null : new JsonObject(tableRows.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        };
        foreach (var (key, value) in _sections) document[key] = value?.DeepClone();
        return document;
    }

    JsonNode Target(TargetOutcome t)
    {
        var entry = new JsonObject { ["name"] = t.Name, ["status"] = t.Status, ["seconds"] = t.Seconds, ["started_at"] = t.Started.ToString("O") };
        if (_upToDate.TryGetValue(t.Name, out var since)) entry["up_to_date_since"] = since;
        return entry;
    }

    /// Writes <paramref name="document"/> to <paramref name="path"/>, replacing the file whole.
    public static async Task WriteAsync(string path, JsonObject document, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Runs that end together (a refused writer, a reader, the holder) each replace the file whole, never write into it at once.
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temp, document.ToJsonString(Json), ct);
        File.Move(temp, path, overwrite: true);
    }
}

public sealed record TargetOutcome(string Name, string Status, double Seconds, DateTimeOffset Started);
