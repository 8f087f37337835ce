using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// The Redshift path: the COPY statement built from sql/redshift/copy_json.sql with every value validated and
/// quoted as a literal, run as delete + copy in one transaction (REPLACE; Redshift's TRUNCATE would commit early).
/// On failure the first errors of that COPY are reported, from the system views <see cref="LoadViews"/> allows.
/// </summary>
public static partial class RedshiftCopy
{
    /// The COPY statement for this command and role; it names the role, so never log it.
    public static string Statement(SqlFiles sql, CopyCommand copy, string roleArn)
    {
        var o = copy.Options.Validate();
        if (!RoleArn().IsMatch(roleArn))
            throw new PipelineException($"'{roleArn}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME); run ./build.sh Provision --profile=aws");
        if (o.Format.JsonPathsLocation is { } paths && !IsS3(paths))
            throw new PipelineException($"JSONPaths '{paths}' must be an s3://bucket/key address for Redshift's COPY");
        if (!IsS3(copy.From))
            throw new PipelineException($"COPY {copy.Table} from '{copy.From}': Redshift reads s3://bucket/prefix addresses only");
        if (copy.Window is not null)
            throw new PipelineException("--from/--to restrict the client-side loader only; Redshift's COPY loads every object under the prefix (use a MANIFEST)");
        var values = new Dictionary<string, string>
        {
            ["table"] = copy.CheckedTable,
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
        var lines = Body(sql.Read("redshift/copy_json.sql")).Select(line => Placeholder().Replace(line, m => values[m.Groups[1].Value]));
        return string.Join("\n", lines.Where(l => l.Trim().Length > 0));
    }

    /// A single-quoted SQL literal. Control characters and backslashes (an escape in Redshift literals) are refused.
    public static string Literal(string value)
    {
        if (value.Any(c => char.IsControl(c) || c == '\\'))
            throw new PipelineException($"'{value.Replace("\n", "\\n").Replace("\r", "\\r")}' contains a control character or backslash and cannot be passed to COPY");
        return "'" + value.Replace("'", "''") + "'";
    }

    /// Runs the COPY on Redshift; logs "Executing COPY into TABLE", never the statement.
    public static async Task<LoadResult> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, CopyCommand copy, string roleArn, PipelineLog log,
        CancellationToken ct, Func<NpgsqlConnection, CopyCommand, CancellationToken, Task>? beforeCommit = null,
        LoadViews views = LoadViews.SysOnly)
    {
        var statement = Statement(sql, copy, roleArn);
        var clock = Stopwatch.StartNew();
        await using var connection = await warehouse.OpenAsync(ct);
        log.Information($"Executing COPY into {copy.Table}");
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            try
            {
                await Warehouse.Statement.ExecuteAsync(connection, $"delete from {copy.CheckedTable}", ct);
                await Warehouse.Statement.ExecuteAsync(connection, statement, ct);
                if (beforeCommit is not null) await beforeCommit(connection, copy, ct);
                await transaction.CommitAsync(ct);
            }
            catch (PostgresException e)
            {
                // Reporting must not hide the failure: a broken rollback or diagnostics query only shortens the message.
                IReadOnlyList<LoadError> errors = [];
                try
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    errors = await RedshiftLoadDiagnostics.ErrorsAsync(connection, sql, copy.Table, views, CancellationToken.None);
                }
                catch (Exception) { /* the server's own message below is what matters */ }
                throw new PipelineException(Describe(copy.Table, LogText.Value(e.MessageText), errors));
            }
        }
        var (rows, files, rejected) = await RedshiftLoadDiagnostics.SummaryAsync(connection, sql, ct);
        return new LoadResult(copy.Table, rows, files, 0, rejected, Math.Round(clock.Elapsed.TotalSeconds, 3));
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
