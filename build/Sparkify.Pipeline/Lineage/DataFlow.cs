namespace Sparkify.Pipeline.Lineage;

/// <summary>
/// How data moves through the pipeline, as data: the two S3 sources, the staging tables they land in, and the star
/// tables each staging table feeds (sql/transform). The report's lineage diagram and the OpenLineage events both
/// read it, so the two never disagree.
/// </summary>
public static class DataFlow
{
    public const string LogData = "log_data";
    public const string SongData = "song_data";

    public static readonly IReadOnlyList<string> Staging = ["staging_events", "staging_songs"];
    public static readonly IReadOnlyList<string> Star = ["songplays", "users", "time", "songs", "artists"];

    /// Source -> staging table -> star table. songplays reads staging_songs too: the song match (50_songplays.sql).
    public static readonly IReadOnlyList<(string From, string To)> Edges =
    [
        (LogData, "staging_events"), (SongData, "staging_songs"),
        ("staging_events", "songplays"), ("staging_events", "users"), ("staging_events", "time"),
        ("staging_songs", "songplays"), ("staging_songs", "songs"), ("staging_songs", "artists"),
    ];

    /// The staging table a source prefix loads.
    public static string StagingOf(string source) => Edges.Single(e => e.From == source).To;

    /// What a target reads and writes: S3 prefixes (LogData, SongData) or table names. Unknown targets move no data.
    public static (IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs) Of(string target) => target switch
    {
        "CreateTables" => ([], [.. Staging, .. Star]),
        "StageCopy" => ([LogData, SongData], Staging),
        "Transform" => (Staging, Star),
        "Verify" => ([.. Staging, .. Star], []),
        "Report" => (["staging_events", .. Star, "etl_runs"], []),
        _ => ([], []),
    };
}
