using System.Text.Json;
using Sparkify.Pipeline.Generation;

namespace Sparkify.Pipeline.Tests.Generation;

/// One generated scale-1 sample (seed 42) shared by the generation tests, read back as the public format is read.
public static class GeneratedSampleFixture
{
    static readonly Lazy<Loaded> Sample = new(Load);

    public static Loaded Get() => Sample.Value;

    public sealed record Loaded(string Directory, GeneratedSample Result, IReadOnlyList<JsonElement> Events,
        IReadOnlyList<JsonElement> Songs, IReadOnlyList<string> LogTexts, IReadOnlyList<string> SongTexts);

    static Loaded Load()
    {
        var dir = new TempDir("gen");
        var result = Generator.WriteAsync(dir.Path, new GeneratorOptions(), CancellationToken.None).GetAwaiter().GetResult();
        var logTexts = Files(Path.Combine(dir.Path, "log_data")).Select(File.ReadAllText).ToList();
        var songTexts = Files(Path.Combine(dir.Path, "song_data")).Select(File.ReadAllText).ToList();
        // NDJSON: one object a line, lines separated by \n (the last has none).
        var events = logTexts.SelectMany(t => t.Split('\n')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var songs = songTexts.Select(t => JsonDocument.Parse(t).RootElement.Clone()).ToList();
        return new Loaded(dir.Path, result, events, songs, logTexts, songTexts);
    }

    public static List<string> Files(string folder) =>
        Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public static string? Text(this JsonElement e, string key) => e.GetProperty(key).ValueKind == JsonValueKind.Null ? null : e.GetProperty(key).GetString();
}
