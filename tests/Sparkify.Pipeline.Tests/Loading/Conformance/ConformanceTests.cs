using System.Globalization;
using System.Text;
using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// <summary>
/// The COPY conformance suite (issue 14): every case of <see cref="ConformanceCases"/> runs against the client-side
/// loader on real PostgreSQL, and the same case pins the Redshift COPY statement the aws profile would send.
/// </summary>
[Description("issue 14: what loads locally loads the same on Redshift, and what fails on Redshift fails locally")]
public class ConformanceTests
{
    const string Role = PinnedCopy.Role;
    const string Bucket = "s3://sparkify-conformance/";

    [TestCaseSource(typeof(ConformanceCases), nameof(ConformanceCases.All))]
    public async Task Loader_follows_the_rule(ConformanceCase c)
    {
        // Arrange: the case's files in a fresh folder, its table in a fresh database.
        using var dir = new SourceDir();
        foreach (var (path, text) in c.Files) dir.Write(path, text.Replace("{root}", dir.Root));
        foreach (var (path, bytes) in c.RawFiles)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.Path(path))!);
            await File.WriteAllBytesAsync(dir.Path(path), bytes);
        }
        var db = await WithTableAsync(c.Ddl);
        var format = c.Format is "auto" or "auto ignorecase" ? CopyFormat.Parse(c.Format) : CopyFormat.JsonPaths(dir.Path(c.Format));
        var copy = new CopyCommand("t", dir.Path(c.From), c.Options with { Format = format });

        // Act and assert: the rows, or the failure with nothing committed; the rejection codes either way.
        if (c.Fails is { } part)
        {
            var error = Assert.ThrowsAsync<PipelineException>(async () => await ClientCopy.RunAsync(db, copy, Context(), CancellationToken.None));
            Assert.That(error!.Message, Does.Contain(part));
            Assert.That(await CountAsync(db, "t"), Is.EqualTo(0), "nothing of a failed load is committed");
        }
        else
        {
            await ClientCopy.RunAsync(db, copy, Context(), CancellationToken.None);
            var rows = (await RowsAsync(db, c.Query)).Select(Render).Order(StringComparer.Ordinal);
            Assert.That(rows, Is.EqualTo((c.Rows ?? []).Order(StringComparer.Ordinal)));
        }
        Assert.That(await CodesAsync(db), Is.EqualTo(c.Codes), "load_errors codes, in file and line order");
    }

    [TestCaseSource(typeof(ConformanceCases), nameof(ConformanceCases.All))]
    public void Redshift_copy_statement_is_pinned(ConformanceCase c)
    {
        var format = c.Format is "auto" or "auto ignorecase" ? CopyFormat.Parse(c.Format) : CopyFormat.JsonPaths(Bucket + c.Format);
        var copy = new CopyCommand("t", Bucket + c.From, c.Options with { Format = format });
        if (c.Redshift.StartsWith('!'))
        {
            Assert.That(() => RedshiftCopy.Statement(LoadTestKit.Sql, copy, Role), Throws.InstanceOf<PipelineException>().With.Message.Contains(c.Redshift[1..]));
            return;
        }

        var statement = RedshiftCopy.Statement(LoadTestKit.Sql, copy, Role).Split('\n');

        Assert.That(statement[1], Is.EqualTo($"from '{Bucket}{c.From}'"));
        var options = statement.SkipWhile(l => !l.StartsWith("iam_role", StringComparison.Ordinal)).Skip(1)
            .Where(l => !l.StartsWith("region ", StringComparison.Ordinal) && l is not ("compupdate off" or "statupdate off"));
        Assert.That(string.Join(" | ", options), Is.EqualTo(c.Redshift));
    }

    [Test]
    [Description("issue 25: the suite grew from 97 cases to cover DATEFORMAT, TIMEFORMAT strings, ACCEPTINVCHARS, IGNOREHEADER and the limits")]
    public void The_suite_has_at_least_130_cases_with_unique_names_each_citing_a_page_and_a_rule()
    {
        var cases = ConformanceCases.All().ToList();

        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(130));
        Assert.That(cases.Select(c => c.Name), Is.Unique);
        Assert.That(cases.Where(c => c.Page.Length == 0 || c.Rule.Length < 20).Select(c => c.Name), Is.Empty);
        Assert.That(cases.Where(c => (c.Rows is null) == (c.Fails is null)).Select(c => c.Name), Is.Empty, "each case expects rows or a failure");
    }

    static async Task<int[]> CodesAsync(Sparkify.Pipeline.Warehouse.WarehouseEndpoint db)
    {
        if (await ScalarAsync(db, "select to_regclass('load_errors')::text") is null) return [];
        return (await RowsAsync(db, "select err_code from load_errors order by filename, line_number")).Select(r => (int)r[0]!).ToArray();
    }

    static string Render(object?[] row) => string.Join("|", row.Select(v => v switch
    {
        null => "NULL",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFF", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    }));

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
