using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// One COPY: <c>copy TABLE from 'FROM' OPTIONS</c>. FROM is an s3://bucket/prefix, a local path (or file://…)
/// used as a key prefix, or, with MANIFEST, the manifest file. Window, when set, keeps only the objects whose
/// file name carries a date (YYYY-MM-DD) inside it; objects without a date in their name are not restricted.
/// </summary>
public sealed partial record CopyCommand(string Table, string From, CopyOptions Options, DateWindow? Window = null)
{
    /// The table name, checked: COPY quotes it as an identifier, but only plain names are accepted.
    public string CheckedTable => TableName().IsMatch(Table)
        ? Table
        : throw new PipelineException($"table name '{Table}' is not a plain lower-case name (letters, digits, _)");

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,126}\z")]
    private static partial Regex TableName();
}
