using System.Text.RegularExpressions;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// The Redshift COPY statement, built from sql/redshift/copy_json.sql with every value validated and quoted as a
/// literal, and the failure message that quotes its first errors. RedshiftLedger/RedshiftLedgerLoad runs it.
/// </summary>
public static partial class RedshiftCopy
{
    /// The COPY statement for this command and role, into the table or its per-load table; it names the role, so never log it.
    /// A staging table's COPY names its columns: object_id is filled by the load, never by COPY.
    public static string Statement(SqlFiles sql, CopyCommand copy, string roleArn, string? into = null)
    {
        var o = copy.Options.Validate();
        if (!RoleArn().IsMatch(roleArn))
            throw new PipelineException($"'{roleArn}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME); run ./build.sh Provision --profile=aws");
        if (o.Format.JsonPathsLocation is { } paths && !IsS3(paths))
            throw new PipelineException($"JSONPaths '{paths}' must be an s3://bucket/key address for Redshift's COPY");
        if (!IsS3(copy.From))
            throw new PipelineException($"COPY {copy.Table} from '{copy.From}': Redshift reads s3://bucket/prefix addresses only");
        if (copy.Window is not null)
            throw new PipelineException("--from/--to: one COPY statement reads every object under its FROM prefix; the Redshift ledger load (RedshiftLedgerLoad) applies a window by the keys it copies");
        var values = new Dictionary<string, string>
        {
            ["table"] = into is null ? copy.CheckedTable : (copy with { Table = into }).CheckedTable,
            ["columns"] = StagingColumns.Of(sql, copy.CheckedTable) is { } columns ? $"({string.Join(", ", columns)})" : "",
            ["from"] = Literal(copy.From),
            ["iam_role"] = Literal(roleArn),
            ["format"] = Literal(o.Format.JsonPathsLocation ?? o.Format.Kind),
            ["region"] = o.Region is null ? "" : $"region {Literal(o.Region)}",
            ["dateformat"] = o.DateFormat is { } date ? $"dateformat as {Literal(date.Text)}" : "",
            ["timeformat"] = $"timeformat as {Literal(o.TimeFormat.Text)}",
            ["acceptinvchars"] = !o.AcceptInvChars ? "" : o.InvCharReplacement == '?' ? "acceptinvchars" : $"acceptinvchars as {Literal(o.InvCharReplacement.ToString())}",
            ["blanksasnull"] = o.BlanksAsNull ? "blanksasnull" : "",
            ["emptyasnull"] = o.EmptyAsNull ? "emptyasnull" : "",
            ["truncatecolumns"] = o.TruncateColumns ? "truncatecolumns" : "",
            ["roundec"] = o.RoundDecimals ? "roundec" : "",
            ["ignoreheader"] = o.IgnoreHeader > 0 ? $"ignoreheader as {o.IgnoreHeader.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "",
            ["gzip"] = o.Gzip ? "gzip" : "",
            ["manifest"] = o.Manifest ? "manifest" : "",
            ["maxerror"] = o.MaxError.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["compupdate"] = o.CompUpdate ? "on" : "off",
            ["statupdate"] = o.StatUpdate ? "on" : "off",
        };
        var lines = Body(sql.Read("redshift/copy_json.sql")).Select(line => Placeholder().Replace(line, m => values[m.Groups[1].Value]).TrimEnd());
        return string.Join("\n", lines.Where(l => l.Trim().Length > 0));
    }

    /// A single-quoted SQL literal. Control characters and backslashes (an escape in Redshift literals) are refused.
    public static string Literal(string value)
    {
        if (value.Any(c => char.IsControl(c) || c == '\\'))
            throw new PipelineException($"'{value.Replace("\n", "\\n").Replace("\r", "\\r")}' contains a control character or backslash and cannot be passed to COPY");
        return "'" + value.Replace("'", "''") + "'";
    }

    /// The failure message: the server's words, then the first load errors (file, line, column, value, reason).
    public static string Describe(string table, string serverMessage, IReadOnlyList<LoadError> errors) =>
        $"COPY into {table} failed: {serverMessage}; nothing of {table} was committed" +
        (errors.Count == 0 ? " (SYS_LOAD_ERROR_DETAIL has no rows for this COPY)" : ". First errors (SYS_LOAD_ERROR_DETAIL):" + string.Concat(errors.Take(5).Select(e => "\n  - " + e)));

    static IEnumerable<string> Body(string file) => file.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal));

    static bool IsS3(string location) => Config.S3Location.TryParse(location, out _);

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}\z")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
