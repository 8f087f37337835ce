using System.Collections;
using System.Text.RegularExpressions;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Loading.RedshiftLedger;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Warehouse;

/// <summary>
/// Every statement the Redshift path can send, as it would be sent: each file of sql/ outside sql/postgres (PostgreSQL
/// only) and sql/bench (the local benchmark), with @name parameters bound to literals of their type, the COPY template
/// rendered by RedshiftCopy with every option on (DATEFORMAT, TIMEFORMAT string, ACCEPTINVCHARS,
/// IGNOREHEADER, GZIP, MANIFEST, …) and off, the role files rendered by WarehouseRoles, and the few glue
/// statements the C# code builds itself.
/// </summary>
static partial class RedshiftStatements
{
    const string Role = PinnedCopy.Role;

    /// Literals for every @parameter of the shared SQL, of the type the code binds (Npgsql parameters).
    static readonly Dictionary<string, string> Literals = new()
    {
        ["from_ms"] = "1541376000000", ["to_ms"] = "1541462399999", ["days_from_ms"] = "1541376000000", ["days_to_ms"] = "1541462400000", ["full"] = "true", ["ranged"] = "0",
        ["day_from"] = "'2018-11-05'", ["day_to"] = "'2018-11-05'", ["window_from"] = "'2018-11-05'", ["window_to"] = "'2018-11-05'",
        ["now"] = "'2026-12-07 10:00:00'", ["started_at"] = "'2026-12-07 10:00:00'", ["finished_at"] = "'2026-12-07 10:05:00'",
        ["staged_at"] = "'2026-12-07 10:01:00'", ["set_at"] = "'2026-12-07 10:01:00'", ["since"] = "'2026-12-01 00:00:00'",
        ["run_id"] = "'20261207T100000Z-1a2b'", ["holder"] = "'pid 4242 on host'", ["target"] = "'Transform'", ["source"] = "'s3://b/log_data'",
        ["session_pid"] = "1073741824", ["status"] = "'succeeded'", ["counts"] = "'{\"songplays\": 1}'", ["detail"] = "''",
        ["table_name"] = "'staging_events'", ["object_key"] = "'log_data/2018/11/2018-11-05-events.json'", ["object_id"] = "7",
        ["load_group"] = "7", ["content_id"] = "'\"9b2cf535f27731c974343645a3985328\"'", ["size_bytes"] = "219840", ["rejected"] = "0",
        ["rows_loaded"] = "4", ["loaded_at"] = "'2026-12-07 10:01:00'", ["change"] = "'added'", ["old_object_id"] = "3",
        ["change_day_from"] = "'2018-11-05'", ["change_day_to"] = "'2018-11-05'",
    };

    /// Files whose text is not sent as written: the COPY template and the role files with a password placeholder.
    static readonly string[] Rendered = ["redshift/copy_json.sql", "redshift/roles/create_reader.sql", "redshift/roles/alter_reader.sql",
        .. new[] { "create_load_table", "drop_load_table", "tag_load_rows", "delete_replaced_rows", "delete_unowned_rows", "insert_loaded_rows",
            "insert_load_objects", "load_stats_staging_events", "load_stats_staging_songs" }.Select(f => $"{LedgerSql.Folder}{f}.sql")];

    static SqlFiles Files => SqlFiles.In(Repo.Root);

    /// The sql/ files of the Redshift path, relative to sql/.
    public static IReadOnlyList<string> PathFiles() => Directory.EnumerateFiles(Path.Combine(Repo.Root, "sql"), "*.sql", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Path.Combine(Repo.Root, "sql"), f).Replace('\\', '/'))
        .Where(f => !f.StartsWith("postgres/", StringComparison.Ordinal) && !f.StartsWith("bench/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<(string Name, string Sql)> All() =>
    [
        .. PathFiles().Where(f => !Rendered.Contains(f)).Select(f => (f, Bind(f, Files.Read(f)))),
        .. Copies(), .. Roles(), .. Ledger(),
        ("glue: Tables' count", "select count(*) from songplays"),
        ("glue: TableStatistics' analyze", "analyze songplays"),
        ("glue: ReadOnlySession's begin", "begin"),
        ("glue: ReadOnlySession's rollback", "rollback"),
    ];

    /// A file with its @parameters replaced by literals; a parameter without a literal fails, naming it.
    /// A row-numbered parameter of a multi-row insert (@object_key_0) takes its column's literal.
    public static string Bind(string file, string sql) => Parameter().Replace(sql, m =>
        Literals.TryGetValue(m.Groups[1].Value, out var literal) || Literals.TryGetValue(RowSuffix().Replace(m.Groups[1].Value, ""), out literal)
            ? literal
            : throw new AssertionException($"{file}: no literal for @{m.Groups[1].Value}; add one to RedshiftStatements.Literals"));

    /// The Redshift ledger load's statements with placeholders, rendered for both staging tables; load_objects' insert for two rows.
    static IEnumerable<(string, string)> Ledger()
    {
        foreach (var table in new[] { "staging_events", "staging_songs" })
            foreach (var file in new[] { "create_load_table", "drop_load_table", "tag_load_rows", "delete_replaced_rows", "delete_unowned_rows", "insert_loaded_rows" })
                yield return ($"{LedgerSql.Folder}{file}.sql rendered ({table})", Bind(file, LedgerSql.Render(Files, $"{file}.sql", table)));
        foreach (var table in new[] { "staging_events", "staging_songs" })
            yield return ($"{LedgerSql.Folder}load_stats_{table}.sql rendered", Bind(table, LedgerSql.Render(Files, $"load_stats_{table}.sql", table)));
        yield return ($"{LedgerSql.Folder}insert_load_objects.sql rendered (2 rows)", Bind("insert_load_objects", LedgerSql.InsertLoadObjects(Files, 2)));
    }

    /// The two COPYs of the repository's dwh.cfg, and both with every option on (JSONPaths, GZIP, MANIFEST, ROUNDEC, …).
    static IEnumerable<(string, string)> Copies()
    {
        var config = DwhConfig.FromFile(Path.Combine(Repo.Root, "dwh.cfg"), new Hashtable(), []);
        var s3 = config.S3;
        var all = CopyOptions.FromConfig(config) with
        {
            TruncateColumns = true, RoundDecimals = true, Gzip = true, Manifest = true, MaxError = 100, CompUpdate = true,
            StatUpdate = true, BlanksAsNull = true, EmptyAsNull = true, TimeFormat = TimeFormat.Parse("YYYY-MM-DD HH:MI:SS"),
            DateFormat = DateFormat.Parse("MM/DD/YYYY"), AcceptInvChars = true, InvCharReplacement = '^', IgnoreHeader = 2,
        };
        var none = CopyOptions.FromConfig(config) with
        {
            Region = null, BlanksAsNull = false, EmptyAsNull = false, TimeFormat = TimeFormat.Auto, MaxError = 0,
        };
        foreach (var (name, options) in new[] { ("dwh.cfg", CopyOptions.FromConfig(config)), ("every option", all), ("fewest options", none) })
            foreach (var copy in StagingCopies.For(s3.LogData.ToString(), s3.LogJsonPath.ToString(), s3.SongData.ToString(), options))
            {
                yield return ($"redshift/copy_json.sql rendered ({name}, {copy.Table})", RedshiftCopy.Statement(Files, copy, Role));
                yield return ($"redshift/copy_json.sql rendered ({name}, {copy.Table} into its load table)",
                    RedshiftCopy.Statement(Files, copy, Role, LedgerSql.LoadTable(copy.Table)));
            }
        var ignoreCase = new CopyCommand("staging_songs", s3.SongData.ToString(), all with { Format = CopyFormat.AutoIgnoreCase });
        yield return ("redshift/copy_json.sql rendered (every option, 'auto ignorecase')", RedshiftCopy.Statement(Files, ignoreCase, Role));
    }

    static IEnumerable<(string, string)> Roles()
    {
        foreach (var exists in new[] { false, true })
            yield return ($"redshift/roles/{(exists ? "alter" : "create")}_reader.sql rendered",
                WarehouseRoles.ReaderStatements(Files, Dialect.Redshift, exists, Passwords.New())[0]);
    }

    [GeneratedRegex(@"@([a-z_0-9]+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"_\d+$")]
    private static partial Regex RowSuffix();
}
