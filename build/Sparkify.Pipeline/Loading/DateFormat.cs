using Sparkify.Pipeline.Loading.Dates;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// COPY's DATEFORMAT for DATE columns: 'auto' (AutoDates; a time part is dropped) or a format string such as
/// 'MM/DD/YYYY', which may hold time parts that are read and ignored, as the guide says. Without DATEFORMAT, COPY
/// reads 'YYYY-MM-DD' (<see cref="Default"/>), which the Redshift statement then leaves out.
/// </summary>
public sealed record DateFormat
{
    public static readonly DateFormat Auto = new("auto", null);

    /// Redshift's format when the COPY names none.
    public static readonly DateFormat Default = new("YYYY-MM-DD", DatePattern.Parse("YYYY-MM-DD"));

    DateFormat(string text, DatePattern? pattern) => (Text, Pattern) = (text, pattern);

    public string Text { get; }

    /// The format string; null for 'auto'.
    public DatePattern? Pattern { get; }

    /// 'auto' (case-sensitive) or a format string; a PipelineException says what is wrong with anything else.
    public static DateFormat Parse(string text) =>
        text == "auto" ? Auto : new DateFormat(text, TimeFormat.Compile("DATEFORMAT", text, "auto"));

    public bool Equals(DateFormat? other) => other is not null && other.Text == Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;
}
