using System.Text.RegularExpressions;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Warehouse;

/// Both dialects must declare the same tables with the same columns and types, so one set of transforms fits both.
public partial class DdlParityTests
{
    static readonly string SqlRoot = Path.Combine(Repo.Root, "sql");

    [Test]
    public void Both_dialects_declare_the_same_tables_columns_and_types()
    {
        foreach (var table in Tables.Created)
        {
            var postgres = Columns(Path.Combine(SqlRoot, "postgres", $"create_{table}.sql"));
            var redshift = Columns(Path.Combine(SqlRoot, "redshift", $"create_{table}.sql"));

            Assert.That(redshift, Is.EqualTo(postgres), $"columns of {table} differ between sql/postgres and sql/redshift");
        }
    }

    [Test]
    public void Every_dialect_folder_has_exactly_the_create_files_of_the_created_tables()
    {
        foreach (var dialect in new[] { "postgres", "redshift" })
        {
            // load_errors (the stand-in for Redshift's STL_LOAD_ERRORS) and the up-to-date stamps (triggers): postgres only.
            var extra = dialect == "postgres" ? new[] { "create_load_errors.sql", "create_etl_writes.sql", "create_etl_stamps.sql" } : [];
            var files = Directory.GetFiles(Path.Combine(SqlRoot, dialect), "create_*.sql").Select(Path.GetFileName);
            Assert.That(files, Is.EquivalentTo(Tables.Created.Select(t => $"create_{t}.sql").Concat(extra)), dialect);
        }
    }

    [Test]
    public void Redshift_ddl_chooses_distribution_for_every_table()
    {
        foreach (var table in Tables.Created)
        {
            var text = File.ReadAllText(Path.Combine(SqlRoot, "redshift", $"create_{table}.sql"));
            Assert.That(DistChoice().IsMatch(text), Is.True, $"{table} declares no diststyle or distkey");
        }
    }

    [Test]
    public void Parser_sees_every_column_of_etl_runs_including_dates()
    {
        var columns = Columns(Path.Combine(SqlRoot, "redshift", "create_etl_runs.sql"));

        Assert.That(columns, Has.Count.EqualTo(9));
        Assert.That(columns[2], Is.EqualTo("window_from date"));
    }

    [Test]
    public void Parser_sees_every_column_of_staging_events()
    {
        var columns = Columns(Path.Combine(SqlRoot, "postgres", "create_staging_events.sql"));

        Assert.That(columns, Has.Count.EqualTo(19));
        Assert.That(columns[15], Is.EqualTo("ts bigint"));
        Assert.That(columns[18], Is.EqualTo("object_id bigint"), "the ledger's column comes last, after the JSONPaths columns");
    }

    [Test]
    public void Parser_sees_every_column_of_the_load_ledger_and_staging_changes()
    {
        var ledger = Columns(Path.Combine(SqlRoot, "redshift", "create_load_ledger.sql"));
        var changes = Columns(Path.Combine(SqlRoot, "postgres", "create_staging_changes.sql"));

        Assert.That(ledger, Has.Count.EqualTo(14));
        Assert.That(ledger[3], Is.EqualTo("object_id bigint"));
        Assert.That(ledger[13], Is.EqualTo("load_group bigint"));
        Assert.That(changes, Is.EqualTo(new[]
        {
            "run_id varchar(64)", "table_name varchar(64)", "object_key varchar(1024)", "change varchar(16)", "day_from date", "day_to date",
        }));
    }

    /// "name type" for each column definition, in order (constraints and dialect clauses left out).
    static List<string> Columns(string path)
    {
        var text = string.Join("\n", File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith("--")));
        var body = text[(text.IndexOf('(') + 1)..text.LastIndexOf(')')];
        return body.Split('\n').Select(l => l.Trim().TrimEnd(','))
            .Select(l => ColumnLine().Match(l))
            .Where(m => m.Success && m.Groups[1].Value is not ("unique" or "primary" or "foreign"))
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}")
            .ToList();
    }

    [GeneratedRegex(@"^([a-z_]+)\s+(varchar\(\d+\)|integer|bigint|smallint|double precision|timestamp|date|boolean)(?=\s|$)")]
    private static partial Regex ColumnLine();

    [GeneratedRegex(@"\b(diststyle (all|even|key|auto)|distkey)\b")]
    private static partial Regex DistChoice();
}
