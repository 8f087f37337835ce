namespace Sparkify.Pipeline.Loading;

/// <summary>
/// COPY's FORMAT AS JSON argument: 'auto' (keys match column names exactly), 'auto ignorecase', or the location
/// of a JSONPaths file (s3://bucket/key or a local path) whose expressions map to the columns by position.
/// </summary>
public sealed record CopyFormat
{
    CopyFormat(string kind, string? jsonPaths) => (Kind, JsonPathsLocation) = (kind, jsonPaths);

    public static readonly CopyFormat Auto = new("auto", null);
    public static readonly CopyFormat AutoIgnoreCase = new("auto ignorecase", null);

    public static CopyFormat JsonPaths(string location)
    {
        if (string.IsNullOrWhiteSpace(location) || location.Any(char.IsControl))
            throw new PipelineException($"JSONPaths location '{location}' is not an s3://bucket/key address or a file path");
        return new CopyFormat("jsonpaths", location);
    }

    /// "auto", "auto ignorecase", or anything else as a JSONPaths location (as Redshift reads FORMAT AS JSON '…').
    public static CopyFormat Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => Auto,
        "auto ignorecase" => AutoIgnoreCase,
        _ => JsonPaths(text.Trim()),
    };

    /// "auto", "auto ignorecase" or "jsonpaths".
    public string Kind { get; }

    /// The JSONPaths file, or null for the two 'auto' forms.
    public string? JsonPathsLocation { get; }

    public bool IgnoreCase => Kind == "auto ignorecase";

    public override string ToString() => JsonPathsLocation ?? Kind;
}
