namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// Why one value could not go into its column; the row it belongs to is rejected. A fatal error fails the whole
/// COPY whatever MAXERROR says, as Redshift fails on a JSONPaths array index that finds no element.
/// </summary>
public sealed record ValueError(int Code, string Reason, string RawValue, bool Fatal = false)
{
    /// "Invalid JSONPath format: Not an array or index out of range.", the guide's words for this failure.
    public static ValueError NoSuchElement(string path) =>
        new(ErrorCodes.InvalidLine, $"Invalid JSONPath format: Not an array or index out of range ({path})", "", Fatal: true);
}
