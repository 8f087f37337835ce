using Npgsql;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// The user-agent families of sql/analytics/80_platforms.sql, one play per agent, including the agents whose order matters.
public class PlatformParsingTests
{
    static readonly (string Agent, string Os, string Browser)[] Agents =
    [
        (StarSchema.WindowsChrome, "Windows", "Chrome"),
        (StarSchema.WindowsEdge, "Windows", "Edge"),
        ("Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", "Windows", "IE"),
        ("Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; Trident/6.0)", "Windows", "IE"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0", "Windows", "Firefox"),
        (StarSchema.MacFirefox, "Macintosh", "Firefox"),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.78.2 (KHTML, like Gecko) Version/7.0.6 Safari/537.78.2", "Macintosh", "Safari"),
        ("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:31.0) Gecko/20100101 Firefox/31.0", "Linux", "Firefox"),
        (StarSchema.IPhoneSafari, "iPhone", "Safari"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/119.0 Mobile/15E148 Safari/604.1", "iPhone", "Chrome"),
        ("Mozilla/5.0 (iPad; CPU OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53", "iPad", "Safari"),
        (StarSchema.AndroidChrome, "Android", "Chrome"),
        ("curl/8.0", "Other", "Other"),
    ];

    [Test]
    public async Task Each_agent_falls_into_its_os_and_browser_family()
    {
        var db = await PostgresFixture.NewDatabaseAsync("ua");
        await Sparkify.Pipeline.Targets.CreateTables.RunAsync(db, SqlFiles.In(Repo.Root), recreate: false, CancellationToken.None);
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            await StarSchema.ExecuteAsync(connection,
                "insert into users values ('1', 'A', 'B', 'F', 'free'); insert into time values ('2018-11-01', 0, 1, 44, 11, 2018, 4)");
            for (var i = 0; i < Agents.Length; i++)
            {
                await using var play = new NpgsqlCommand("insert into songplays (start_time, user_id, level, session_id, item_in_session, user_agent) " +
                                                         "values ('2018-11-01', '1', 'free', $1, 1, $2)", connection)
                    { Parameters = { new() { Value = i }, new() { Value = Agents[i].Agent } } };
                await play.ExecuteNonQueryAsync();
            }
        }

        var query = AnalyticsQuery.LoadAll(SqlFiles.In(Repo.Root)).Single(q => q.Name == "platforms");
        await using var session = await ReadOnlySession.OpenAsync(db, CancellationToken.None);
        var result = (await session.RunAsync(query.Sql, query.FileName, CancellationToken.None)).Single();

        var expected = Agents.GroupBy(a => (a.Os, a.Browser)).Select(g => $"{g.Key.Os}/{g.Key.Browser}={g.Count()}");
        var actual = result.Rows.Select(r => $"{r[0]}/{r[1]}={r[2]}");
        Assert.That(actual, Is.EquivalentTo(expected));
    }
}
