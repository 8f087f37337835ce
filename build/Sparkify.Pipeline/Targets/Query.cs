using System.Globalization;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// Runs --sql="…" or --file=PATH read-only against the profile's warehouse and prints each result as an aligned table.
public static class Query
{
    const int DefaultMaxRows = 1000;

    public static Task<IReadOnlyList<QueryResult>> ExecuteAsync(Run run) => run.Boundary("Query", async () =>
    {
        var (sql, source) = Input(run);
        var maxRows = MaxRows(run.Args.Value(Options.MaxRows));
        var warehouse = await run.ReaderWarehouseAsync();
        run.Log.Verbose($"Query on {warehouse}, read-only");
        await using var session = await ReadOnlySession.OpenAsync(warehouse, run.Ct);
        var results = await session.RunAsync(sql, source, run.Ct, maxRows);
        for (var i = 0; i < results.Count; i++)
        {
            if (i > 0) run.Log.Information("");
            foreach (var line in TextTable.Format(results[i])) run.Log.Information(line);
        }
        return results;
    });

    /// The SQL and the name errors give it: exactly one of --sql and --file.
    static (string Sql, string Source) Input(Run run)
    {
        var sql = run.Args.Value(Options.Sql);
        var file = run.Args.Value(Options.File);
        if (sql is not null && file is not null) throw new PipelineException("Query takes --sql or --file, not both");
        if (file is not null)
        {
            var path = Path.GetFullPath(Path.Combine(run.Root, file));
            if (!File.Exists(path)) throw new PipelineException($"--file={file}: no such file ({path})");
            sql = File.ReadAllText(path);
            return (NotBlank(sql, $"--file={file}"), $"--file={file}");
        }
        if (sql is null)
            throw new PipelineException("Query needs the SQL to run: --sql=\"select count(*) from songplays\" or --file=path.sql");
        return (NotBlank(sql, Options.Sql.Given()), Options.Sql.Given());
    }

    static string NotBlank(string sql, string source) =>
        sql.Trim().Trim(';').Trim().Length > 0 ? sql : throw new PipelineException($"{source} holds no SQL statement");

    static int MaxRows(string? text) =>
        text is null ? DefaultMaxRows
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new PipelineException($"--max-rows={text} is not a positive whole number");
}
