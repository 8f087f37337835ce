namespace Sparkify.Pipeline.Config;

/// One setting and where it came from: "dwh.cfg [CLUSTER] db_port" (line 7), "environment DWH_CLUSTER__DB_PORT", …
public sealed record ConfigValue(string Section, string Key, string Value, string Origin, int? Line = null)
{
    /// How it was written, for a refusal of a setting given twice: "--LOCAL:PG_PORT=1", "environment DWH_LOCAL__pg_port".
    public string Given { get; init; } = Origin;

    public string Where => Line is { } line ? $"{Origin} (line {line})" : Origin;

    public PipelineException Invalid(string problem) =>
        new(Line is { } line ? $"{Origin} '{Value}' {problem} (line {line})" : $"{Origin} '{Value}' {problem}");
}
