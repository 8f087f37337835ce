namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// STL_LOAD_ERRORS err_code values, as listed in the Redshift Database Developer Guide's "Load error reference",
/// so a rejected row reads the same whichever engine loaded it.
/// </summary>
public static class ErrorCodes
{
    /// Input data exceeded the acceptable range for the data type (also: string longer than the column).
    public const int OutOfRange = 1204;

    /// Date format is invalid.
    public const int DateFormat = 1205;

    /// Timestamp format is invalid.
    public const int TimestampFormat = 1206;

    /// Data contained a value outside of the expected range of 0-9 (an integer column given a non-integer).
    public const int InvalidDigit = 1207;

    /// FLOAT data type format error.
    public const int FloatFormat = 1208;

    /// DECIMAL data type format error.
    public const int DecimalFormat = 1209;

    /// BOOLEAN data type format error.
    public const int BooleanFormat = 1210;

    /// Invalid input line: the record is not a JSON object, or not valid JSON.
    public const int InvalidLine = 1216;

    /// String contains invalid or unsupported UTF-8 codepoints.
    public const int InvalidUtf8 = 1220;

    public static int ForKind(ColumnKind kind) => kind switch
    {
        ColumnKind.SmallInt or ColumnKind.Integer or ColumnKind.BigInt => InvalidDigit,
        ColumnKind.Real or ColumnKind.Double => FloatFormat,
        ColumnKind.Numeric => DecimalFormat,
        ColumnKind.Boolean => BooleanFormat,
        ColumnKind.Timestamp or ColumnKind.TimestampTz => TimestampFormat,
        ColumnKind.Date => DateFormat,
        _ => InvalidLine,
    };
}
