using System.Text;

namespace Sparkify.Pipeline.Generation;

/// <summary>
/// Writes a deterministic, realistic Sparkify sample in the public layout: song_data/A/B/C/TR….json, one NDJSON
/// file per day (per day and part above scale 1) under log_data/2018/11/, and log_json_path.json. Same options,
/// same bytes. Files stream out one at a time, so memory stays flat whatever the scale.
/// </summary>
public static class Generator
{
    public const int Days = 30;

    /// The Redshift JSONPaths file for the logs: the 18 keys in the real order (jsonpaths/log_json_path.json).
    public const string LogJsonPaths = """
        {
          "jsonpaths": [
            "$['artist']",
            "$['auth']",
            "$['firstName']",
            "$['gender']",
            "$['itemInSession']",
            "$['lastName']",
            "$['length']",
            "$['level']",
            "$['location']",
            "$['method']",
            "$['page']",
            "$['registration']",
            "$['sessionId']",
            "$['song']",
            "$['status']",
            "$['ts']",
            "$['userAgent']",
            "$['userId']"
          ]
        }

        """;

    /// Writes the sample under directory, replacing song_data/, log_data/ and log_json_path.json if they exist.
    public static async Task<GeneratedSample> WriteAsync(string directory, GeneratorOptions options, CancellationToken ct)
    {
        if (options.Scale is < 1 or > 10_000)
            throw new PipelineException($"--scale={options.Scale} is out of range; use a whole number from 1 to 10000");
        directory = Path.GetFullPath(directory);
        foreach (var folder in new[] { "song_data", "log_data" })
            if (Directory.Exists(Path.Combine(directory, folder))) Directory.Delete(Path.Combine(directory, folder), recursive: true);
        Directory.CreateDirectory(directory);

        var catalog = new Catalog(options);
        var sb = new StringBuilder(1 << 16);
        long bytes = 0;
        var files = 0;
        for (var i = 0; i < catalog.Songs; i++)
        {
            ct.ThrowIfCancellationRequested();
            var song = catalog.Song(i);
            sb.Clear();
            SongFile.Write(sb, song);
            bytes += await WriteAsync(Path.Combine(directory, SongFile.RelativePath(song)), sb, ct);
            files++;
        }

        var simulator = new SessionSimulator(options, catalog);
        var logs = Path.Combine(directory, "log_data", "2018", "11");
        long events = 0;
        for (var day = 1; day <= Days; day++)
        for (var part = 0; part < options.Scale; part++)
        {
            ct.ThrowIfCancellationRequested();
            var dayEvents = simulator.Day(day, part, options.Scale);
            if (dayEvents.Count == 0) continue;
            sb.Clear();
            foreach (var e in dayEvents)
            {
                if (sb.Length > 0) sb.Append('\n');
                EventLine.Write(sb, e);
            }
            bytes += await WriteAsync(Path.Combine(logs, LogFileName(day, part, options.Scale)), sb, ct);
            events += dayEvents.Count;
            files++;
        }

        sb.Clear().Append(LogJsonPaths);
        bytes += await WriteAsync(Path.Combine(directory, "log_json_path.json"), sb, ct);
        return new GeneratedSample(directory, catalog.Songs, catalog.Artists, events, Days, files + 1, bytes);
    }

    /// <summary>
    /// 2018-11-05-events.json at scale 1 (the real name); 2018-11-05-events-007.json for part 7 at larger scales.
    /// Every name starts with the day, so prefix listing and the --from/--to rule (the key's YYYY-MM-DD) still hold.
    /// </summary>
    public static string LogFileName(int day, int part, int parts) =>
        parts == 1 ? $"2018-11-{day:00}-events.json" : $"2018-11-{day:00}-events-{part.ToString().PadLeft(Math.Max(3, (parts - 1).ToString().Length), '0')}.json";

    static async Task<long> WriteAsync(string path, StringBuilder text, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Every character is ASCII (JsonText escapes the rest), so characters are bytes.
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false);
        await using var writer = new StreamWriter(stream, Encoding.ASCII);
        foreach (var chunk in text.GetChunks()) await writer.WriteAsync(chunk, ct);
        return text.Length;
    }
}
