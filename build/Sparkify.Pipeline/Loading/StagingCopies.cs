namespace Sparkify.Pipeline.Loading;

/// <summary>
/// The two COPYs of StageCopy, for a root in the public layout (an s3://bucket or a local directory holding
/// log_data/, song_data/ and log_json_path.json): staging_events through the JSONPaths file, staging_songs with
/// 'auto'. The date window, when given, applies to the event objects only.
/// </summary>
public static class StagingCopies
{
    public static IReadOnlyList<CopyCommand> Under(string root, CopyOptions options, DateWindow? window = null)
    {
        var at = root.TrimEnd('/');
        return For($"{at}/log_data", $"{at}/log_json_path.json", $"{at}/song_data", options, window);
    }

    public static IReadOnlyList<CopyCommand> For(string logData, string logJsonPath, string songData, CopyOptions options, DateWindow? window = null) =>
    [
        new CopyCommand("staging_events", logData, options with { Format = CopyFormat.JsonPaths(logJsonPath) }, window),
        new CopyCommand("staging_songs", songData, options with { Format = CopyFormat.Auto }),
    ];
}
