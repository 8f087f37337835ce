using System.Net;
using System.Xml.Linq;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Tests.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Aws;

/// <summary>
/// Temporary database credentials are renewed before they expire during a long run (issue 26): GetClusterCredentials
/// answers shaped by botocore's model with an Expiration a few minutes ahead of a scripted clock, and a real
/// PostgreSQL standing in for the cluster's login; a new connection near the expiry fetches new credentials first.
/// </summary>
public class TemporaryLoginTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    /// botocore's GetClusterCredentials answer with this password and expiry.
    static Func<HttpResponseMessage> Answer(string password, DateTimeOffset expires)
    {
        var xml = XElement.Parse(BotocoreModel.Answer("redshift", "GetClusterCredentials", "full"));
        xml.Descendants().Single(e => e.Name.LocalName == "DbPassword").Value = password;
        xml.Descendants().Single(e => e.Name.LocalName == "Expiration").Value = expires.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        return ScriptedTransport.Xml(HttpStatusCode.OK, xml.ToString());
    }

    static async Task<(TemporaryLogin Login, ScriptedTransport Transport)> LoginAsync(Func<DateTimeOffset> now)
    {
        var transport = new ScriptedTransport(Answer(PostgresFixture.AdminPassword, Start.AddMinutes(5)),
            Answer(PostgresFixture.AdminPassword, Start.AddMinutes(20)));
        var aws = new AwsContext("us-west-2", "http://127.0.0.1:9", AwsContext.MotoCredentials);
        var api = new QueryApi(QueryEndpoint.Redshift(aws), aws, RetrySpec.Immediate, transport);
        var request = ClusterLogin.Request(MotoAccount.Config().Cluster, "sparkify-dwh", "sparkify", null);
        var login = await TemporaryLogin.StartAsync(ct => ClusterLogin.FetchAsync(api, aws, "sparkify-dwh", request,
            new PipelineLog(TextWriter.Null), ct), now, CancellationToken.None);
        return (login, transport);
    }

    [Test]
    [Description("Issue 26: temporary credentials reused after they expired")]
    public async Task The_next_connection_after_the_credentials_near_their_expiry_fetches_new_ones()
    {
        var now = Start;
        var (login, transport) = await LoginAsync(() => now);
        var database = await PostgresFixture.NewDatabaseAsync("renew");
        var warehouse = new WarehouseEndpoint(Dialect.Postgres, database.Host, database.Port, database.Database, database.User, "expired")
        {
            PasswordProvider = login.PasswordAsync,
        };

        await using var first = await warehouse.OpenAsync(CancellationToken.None);
        var fetchesBefore = transport.Seen.Count;
        now = Start.AddMinutes(4);
        await using var second = await warehouse.OpenAsync(CancellationToken.None);

        Assert.That(fetchesBefore, Is.EqualTo(1), "five minutes left: the first connection used the first credentials");
        Assert.That(transport.Seen, Has.Count.EqualTo(2), "one minute left: the second connection fetched new ones");
        Assert.That(transport.Seen.Select(s => s.Body), Has.All.StartWith("Action=GetClusterCredentials&"));
        Assert.That(login.Current.Expires, Is.EqualTo(Start.AddMinutes(20)));
    }

    [Test]
    public async Task Credentials_far_from_their_expiry_are_reused()
    {
        var now = Start;
        var (login, transport) = await LoginAsync(() => now);

        now = Start.AddMinutes(2);
        var password = await login.PasswordAsync(CancellationToken.None);

        Assert.That(password, Is.EqualTo(PostgresFixture.AdminPassword));
        Assert.That((login.Fetches, transport.Seen.Count), Is.EqualTo((1, 1)));
    }
}
