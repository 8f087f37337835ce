using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading.Dates;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// COPY's TIMEFORMAT for TIMESTAMP and TIMESTAMPTZ columns: 'auto' (AutoDates), 'epochsecs' or 'epochmillisecs'
/// (numbers, or numeric strings, of seconds or milliseconds since 1970-01-01 UTC; a BIGINT column keeps the
/// number), or a format string such as 'YYYY-MM-DD HH:MI:SS' (DatePattern). The keywords are case-sensitive, as the
/// guide says: 'AUTO' is read as a format string, and refused.
/// </summary>
public sealed record TimeFormat
{
    public static readonly TimeFormat Auto = new("auto", TimeFormatKind.Auto, null);
    public static readonly TimeFormat EpochSecs = new("epochsecs", TimeFormatKind.EpochSecs, null);
    public static readonly TimeFormat EpochMillisecs = new("epochmillisecs", TimeFormatKind.EpochMillisecs, null);

    TimeFormat(string text, TimeFormatKind kind, DatePattern? pattern) => (Text, Kind, Pattern) = (text, kind, pattern);

    /// What COPY is given: the keyword or the format string.
    public string Text { get; }

    public TimeFormatKind Kind { get; }

    public DatePattern? Pattern { get; }

    public bool IsEpoch => Kind is TimeFormatKind.EpochSecs or TimeFormatKind.EpochMillisecs;

    /// A keyword or a format string; a PipelineException says what is wrong with anything else.
    public static TimeFormat Parse(string text) => text switch
    {
        "auto" => Auto,
        "epochsecs" => EpochSecs,
        "epochmillisecs" => EpochMillisecs,
        _ => new TimeFormat(text, TimeFormatKind.Pattern, Compile("TIMEFORMAT", text, Keywords)),
    };

    const string Keywords = "auto, epochsecs, epochmillisecs";

    internal static DatePattern Compile(string option, string text, string keywords) =>
        DateTimeFormatSyntax.Problem(text, keywords) is { } problem ? throw new PipelineException($"{option} '{text}' {problem}") : DatePattern.Parse(text);

    public bool Equals(TimeFormat? other) => other is not null && other.Text == Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;
}

public enum TimeFormatKind { Auto, EpochSecs, EpochMillisecs, Pattern }
