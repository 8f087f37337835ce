using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// The up-to-date stamp of a step that may not write the warehouse (Report reads as the read-only role), kept as a file
/// beside its artifacts: its inputs' fingerprint, the marks of the tables it read (<see cref="UpToDate.MarksAsync"/>),
/// and the SHA-256 of each artifact it wrote. It is current while all three still match, so a deleted or edited
/// artifact makes the step run again. Removed before the step writes, so a step cut short leaves no stamp.
/// </summary>
public sealed record FileStamp(string Inputs, string Marks, string RunId, IReadOnlyDictionary<string, string> Files, JsonObject Result)
{
    public const string FileName = ".up-to-date.json";

    /// The stamp in <paramref name="folder"/> when its inputs, marks and artifacts are still what it says; else null.
    public static FileStamp? Current(string folder, string inputs, string marks)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path)) is not JsonObject o) return null;
            var files = (o["files"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "");
            var stamp = new FileStamp(o["inputs"]?.GetValue<string>() ?? "", o["marks"]?.GetValue<string>() ?? "",
                o["run_id"]?.GetValue<string>() ?? "", files, o["result"] as JsonObject ?? []);
            return stamp.Inputs == inputs && stamp.Marks == marks && files.Count > 0 &&
                   files.All(f => File.Exists(Path.Combine(folder, f.Key)) && Sha256(Path.Combine(folder, f.Key)) == f.Value)
                ? stamp
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    /// Records the stamp of the artifacts just written (paths inside <paramref name="folder"/>) and the step's figures.
    public static void Write(string folder, string inputs, string marks, string runId, IEnumerable<string> artifacts, JsonObject result)
    {
        var files = new JsonObject(artifacts.Select(a =>
            KeyValuePair.Create(Path.GetRelativePath(folder, a), (JsonNode?)Sha256(a))));
        var o = new JsonObject { ["inputs"] = inputs, ["marks"] = marks, ["run_id"] = runId, ["files"] = files, ["result"] = result.DeepClone() };
        var temp = Path.Combine(folder, $"{FileName}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, o.ToJsonString());
        File.Move(temp, Path.Combine(folder, FileName), overwrite: true);
    }

    public static void Remove(string folder) => File.Delete(Path.Combine(folder, FileName));

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
