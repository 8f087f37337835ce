namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// Why one value could not go into its column; the row it belongs to is rejected. A fatal error fails the whole
/// COPY whatever MAXERROR says, as Redshift fails on a JSONPaths array index that finds no element.
/// </summary>
public sealed record ValueError(int Code, string Reason, string RawValue, bool Fatal = false)
{
    /// What the user can do about a fatal error.
    public string Hint { get; init; } = "";

    /// "Invalid JSONPath format: Not an array or index out of range.", the guide's words for this failure.
    public static ValueError NoSuchElement(string path) =>
        new(ErrorCodes.InvalidLine, $"Invalid JSONPath format: Not an array or index out of range ({path})", "", Fatal: true)
        {
            Hint = "Check the JSONPaths file's array indexes against the data",
        };

    /// "The maximum size of a single JSON object or array, including braces or brackets, is 4 MB" ... "the COPY command
    /// fails" ("COPY data format parameters", JSON). 4 MB is taken as 4 MiB (4,194,304 bytes); the guide does not say.
    public const int MaxRecordBytes = 4 << 20;

    public static ValueError RecordTooLarge(long bytes) =>
        new(ErrorCodes.InvalidLine, $"JSON object or array larger than 4 MB (over {MaxRecordBytes} bytes, braces or brackets included; {bytes} read)", "", Fatal: true)
        {
            Hint = "Split the record into smaller ones",
        };
}
