namespace Sparkify.Pipeline.Loading;

/// <summary>
/// One rejected record, as STL_LOAD_ERRORS describes it: the object (file), the line the record starts on,
/// the column and its type, the raw line and value (truncated to 1,024 characters), the error code and reason.
/// </summary>
public sealed record LoadError(
    string Table, string File, long Line, string? Column, string? Type, int? ColumnLength,
    string RawLine, string RawValue, int Code, string Reason)
{
    public const int MaxRawLength = 1024;

    // File names, values and reasons come from the data: escaped, so a newline in a value cannot forge a log line.
    public override string ToString() =>
        $"{LogText.Value(File)} line {Line}" + (Column is null ? "" : $", column {Column}") + $": {LogText.Value(Reason)} (code {Code})" +
        (RawValue.Length > 0 ? $", value '{LogText.Value(Shorten(RawValue))}'" : "");

    /// At most 1,024 characters, never ending inside a surrogate pair (half a pair is not storable UTF-8).
    public static string Truncate(string text) =>
        text.Length <= MaxRawLength ? text : text[..(char.IsHighSurrogate(text[MaxRawLength - 1]) ? MaxRawLength - 1 : MaxRawLength)];

    static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}
