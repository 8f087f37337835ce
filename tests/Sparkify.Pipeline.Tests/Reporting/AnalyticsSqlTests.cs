using System.Text.RegularExpressions;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// The analytics files are shared by PostgreSQL and Redshift: they stay inside the SQL both accept, and each asks its question.
public class AnalyticsSqlTests
{
    static readonly IReadOnlyList<AnalyticsQuery> Queries = AnalyticsQuery.LoadAll(SqlFiles.In(Repo.Root));

    static IEnumerable<TestCaseData> Files() => Queries.Select(q => new TestCaseData(q).SetArgDisplayNames(q.FileName));

    [TestCaseSource(nameof(Files))]
    public void Uses_only_sql_that_redshift_accepts_too(AnalyticsQuery query)
    {
        var sql = Code(query.Sql);
        // FILTER and DISTINCT ON are PostgreSQL only; generate_series runs only on Redshift's leader node.
        foreach (var construct in new[] { @"\bfilter\s*\(", @"\bdistinct\s+on\b", @"\bon\s+conflict\b", @"\bgenerate_series\b", @"\blateral\b", @"\bilike\b" })
            Assert.That(Regex.IsMatch(sql, construct, RegexOptions.IgnoreCase), Is.False, $"{query.FileName} uses {construct}");
        Assert.That(Regex.IsMatch(sql, @"\b(SELECT|FROM|WHERE|JOIN|GROUP|ORDER)\b"), Is.False, $"{query.FileName}: keywords are lower case");
    }

    [TestCaseSource(nameof(Files))]
    public void Every_subquery_is_aliased(AnalyticsQuery query)
    {
        var sql = Code(query.Sql);
        foreach (Match open in Regex.Matches(sql, @"\(\s*select\b"))
        {
            // A common table expression is named before its body: "with p as (select …)".
            if (Regex.IsMatch(sql[..open.Index], @"(\bwith|,)\s*\w+\s+as\s*$")) continue;
            var close = Closing(sql, open.Index);
            Assert.That(Regex.IsMatch(sql[(close + 1)..], @"^\s+as\s+\w+"), Is.True,
                $"{query.FileName}: the subquery at character {open.Index + 1} has no alias");
        }
    }

    [Test]
    public void Every_query_has_a_report_section_and_every_section_a_query()
    {
        Assert.That(Queries.Select(q => q.Name), Is.EquivalentTo(ReportSections.All.Select(s => s.Query)));
    }

    [Test]
    public void A_file_without_its_question_is_refused()
    {
        var e = Assert.Throws<PipelineException>(() => AnalyticsQuery.Parse("analytics/99_x.sql", "select 1"));

        Assert.That(e!.Message, Does.Contain("sql/analytics/99_x.sql must start with a comment line asking the question"));
        Assert.That(AnalyticsQuery.Parse("analytics/99_x_y.sql", "-- Why?\nselect 1"),
            Is.EqualTo(new AnalyticsQuery("x_y", "99_x_y.sql", "Why?", "-- Why?\nselect 1")));
    }

    /// The SQL without its comments.
    static string Code(string sql) => Regex.Replace(sql, "--[^\n]*", "");

    static int Closing(string sql, int open)
    {
        var depth = 0;
        for (var i = open; i < sql.Length; i++)
        {
            if (sql[i] == '(') depth++;
            else if (sql[i] == ')' && --depth == 0) return i;
        }
        throw new AssertionException($"unbalanced parentheses from character {open + 1}");
    }
}
