namespace Sparkify.Pipeline.Tests.Warehouse;

/// <summary>
/// Every statement the Redshift path can send parses under an independent Redshift grammar, sqlfluff's `redshift`
/// dialect (issue 26): no Redshift runs here, and PostgreSQL accepts much that Redshift refuses. One sqlfluff process
/// parses all of them, with two planted PostgreSQL-only constructs that must fail.
/// </summary>
public class RedshiftGrammarTests
{
    const string PlantedConflict = "planted: on conflict do nothing in runs/insert_etl_writer.sql";
    const string PlantedJsonb = "planted: ::jsonb in analytics/00_overview.sql";

    IReadOnlyDictionary<string, IReadOnlyList<string>> _unparsable = null!;
    IReadOnlyList<(string Name, string Sql)> _statements = null!;

    [OneTimeSetUp]
    public void ParseEverythingOnce()
    {
        _statements = RedshiftStatements.All();
        var sql = Sparkify.Pipeline.Warehouse.SqlFiles.In(Fixtures.Repo.Root);
        var planted = new[]
        {
            (PlantedConflict, RedshiftStatements.Bind("runs/insert_etl_writer.sql", sql.Read("runs/insert_etl_writer.sql")).TrimEnd() +
                "\non conflict do nothing"),
            (PlantedJsonb, RedshiftStatements.Bind("analytics/00_overview.sql", sql.Read("analytics/00_overview.sql"))
                .Replace("select", "select '{}'::jsonb as planted,", StringComparison.Ordinal)),
        };
        _unparsable = Sqlfluff.Unparsable("redshift", [.. _statements, .. planted]);
    }

    [Test]
    public void Every_statement_the_Redshift_path_can_send_parses_under_sqlfluffs_redshift_dialect()
    {
        var failures = _statements.Where(s => _unparsable[s.Name].Count > 0)
            .Select(s => $"{s.Name}: cannot parse '{string.Join("' and '", _unparsable[s.Name]).ReplaceLineEndings(" ")}'").ToList();

        Assert.That(failures, Is.Empty, "statements the Redshift grammar does not accept (a PostgreSQL-only file belongs in sql/postgres/)");
        Assert.That(_statements, Has.Count.GreaterThan(80));
    }

    [Test]
    public void The_checked_statements_cover_every_sql_file_outside_sql_postgres_and_sql_bench()
    {
        var files = RedshiftStatements.PathFiles();
        var names = _statements.Select(s => s.Name).ToList();

        Assert.That(files.Where(f => !names.Any(n => n == f || n.StartsWith(f + " rendered", StringComparison.Ordinal))), Is.Empty,
            "files of the Redshift path the check did not cover");
        Assert.That(files, Has.Member("redshift/load_errors.sql").And.Member("redshift/load_errors_with_raw_line.sql")
            .And.Member("redshift/load_summary.sql").And.Member("runs/redshift_writer_lock.sql").And.Member("transform/50_songplays.sql"));
        Assert.That(_statements.Where(s => s.Sql.Contains('@') || System.Text.RegularExpressions.Regex.IsMatch(s.Sql, @"\{[a-z_]+\}"))
            .Select(s => s.Name), Is.Empty, "every parameter and placeholder is bound or rendered");
    }

    [Test]
    [Description("Issue 26: shown once that the check fails on a PostgreSQL-only construct in a shared file")]
    public void A_PostgreSQL_only_construct_planted_in_a_shared_file_fails_the_check()
    {
        Assert.That(_unparsable[PlantedConflict], Has.Some.Contains("on conflict"));
        Assert.That(_unparsable[PlantedJsonb], Is.Not.Empty);
    }
}
