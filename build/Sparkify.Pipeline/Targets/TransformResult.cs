using System.Text.Json.Nodes;
using Sparkify.Pipeline.Modeling;

namespace Sparkify.Pipeline.Targets;

/// What a Transform did: its scope, the rows it changed per table and how long it took; the run summary's "transform".
public sealed record TransformResult(EventRange Range, TableChanges Changes, TimeSpan Elapsed)
{
    /// Set when the run was skipped as up to date: the run whose result the tables still hold.
    public string? UpToDateSince { get; init; }

    /// Set when staging_changes were pending but only a full run is exact: why.
    public string? FullBecause { get; init; }

    /// The line etl_runs records of this Transform.
    public string Detail => UpToDateSince is { } since ? $"{Range}: up to date since run {since}, not run"
        : $"{Range}{(FullBecause is { } why ? $" ({why})" : "")}: {Changes.Total} rows changed";

    public JsonObject ToJson() => new()
    {
        ["window"] = Range.Window?.ToString(),
        ["full"] = Range.Full,
        ["daily_days"] = Range.Changed is { } days ? new JsonArray([.. days.Select(d => (JsonNode?)d.ToString())]) : null,
        ["full_because"] = FullBecause,
        ["events"] = Range.ToString(),
        ["seconds"] = Math.Round(Elapsed.TotalSeconds, 3),
        ["up_to_date_since"] = UpToDateSince,
        ["tables"] = Changes.ToJson(),
    };
}
