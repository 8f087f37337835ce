using System.Text.Json;

namespace Sparkify.Pipeline.State;

/// Reads and writes the state file. Writes go to a temporary file first, created 0600, then replace the old one.
public sealed class StateFile(string path)
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Path { get; } = path;

    public static StateFile For(string directory, string profile) =>
        new(System.IO.Path.Combine(directory, $"state-{profile}.json"));

    public DwhState Load()
    {
        if (!File.Exists(Path)) return new DwhState();
        try
        {
            var state = JsonSerializer.Deserialize<DwhState>(File.ReadAllText(Path), Json) ?? new DwhState();
            Redact.Register(state.DbPassword);
            Redact.Register(state.LocalPgPassword);
            Redact.Register(state.LocalOwnerPassword);
            Redact.Register(state.ReaderPassword);
            return state;
        }
        catch (JsonException e)
        {
            throw new PipelineException($"state file {Path} is not valid JSON ({e.Message}); fix it or delete it " +
                                        "(Teardown can still work from the names in dwh.cfg)");
        }
    }

    public void Save(DwhState state)
    {
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(dir);
        // One temporary file per process: two runs saving at once must not write into the same one.
        var temp = $"{Path}.{Environment.ProcessId}.tmp";
        using (var stream = OwnerOnlyFile.Create(temp))
            JsonSerializer.Serialize(stream, state, Json);
        File.Move(temp, Path, overwrite: true);
    }

    public void Delete()
    {
        if (File.Exists(Path)) File.Delete(Path);
    }

    /// Deletes the file when it remembers nothing (after a complete Teardown), and its folder when that is then empty.
    public void DeleteIfEmpty()
    {
        if (!File.Exists(Path)) return;
        if (JsonSerializer.Serialize(Load(), Json) != JsonSerializer.Serialize(new DwhState(), Json)) return;
        File.Delete(Path);
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
    }
}
