namespace Sparkify.Bench;

/// The files of a sample in the public layout, in a stable order: song files and log files.
public sealed record SampleFiles(IReadOnlyList<string> Songs, IReadOnlyList<string> Logs)
{
    public static SampleFiles In(string directory) => new(
        List(Path.Combine(directory, "song_data")), List(Path.Combine(directory, "log_data")));

    static List<string> List(string folder) =>
        Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
}
