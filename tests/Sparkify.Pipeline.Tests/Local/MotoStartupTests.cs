using System.Text.RegularExpressions;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Local;

/// <summary>
/// moto_serve.py's start-up changes (issue 13, point 5: the cold local start): moto's lookup of which account owns a
/// request's access key looks only in the IAM backends already built, and SPARKIFY_MOTO_WARM loads Provision's services
/// with read-only calls once moto listens. Both must leave moto's answers as they were: an access key made in another
/// account still acts in that account, and a warmed moto holds nothing the pipeline did not make.
/// </summary>
[NonParallelizable]
public partial class MotoStartupTests
{
    const string OtherAccount = "111122223333";

    [Test]
    [Description("issue 13 point 5: the access-key lookup builds only the IAM partitions in use, with the same answer")]
    public async Task An_access_key_made_in_another_account_still_acts_in_that_account()
    {
        var endpoint = await MotoFixture.EndpointAsync();
        await MotoFixture.ResetAsync();
        using var http = new HttpClient();
        var user = $"u{Guid.NewGuid():N}"[..12];
        var role = $"r{Guid.NewGuid():N}"[..12];

        await IamAsync(http, endpoint, "testing", $"Action=CreateUser&UserName={user}", OtherAccount);
        var created = await IamAsync(http, endpoint, "testing", $"Action=CreateAccessKey&UserName={user}", OtherAccount);
        var key = AccessKeyId().Match(created).Groups[1].Value;
        await IamAsync(http, endpoint, key, $"Action=CreateRole&RoleName={role}&AssumeRolePolicyDocument=%7B%7D");
        var seenByTheKey = await IamAsync(http, endpoint, key, "Action=ListRoles");
        var seenByDefault = await IamAsync(http, endpoint, "testing", "Action=ListRoles");
        var seenInTheOtherAccount = await IamAsync(http, endpoint, "testing", "Action=ListRoles", OtherAccount);

        Assert.That(key, Does.StartWith("AKIA"), created);
        Assert.That(seenByTheKey, Does.Contain($"<RoleName>{role}</RoleName>"));
        Assert.That(seenByTheKey, Does.Contain($"arn:aws:iam::{OtherAccount}:role/{role}"), "the role was made in the key's account");
        Assert.That(seenInTheOtherAccount, Does.Contain($"<RoleName>{role}</RoleName>"));
        Assert.That(seenByDefault, Does.Not.Contain($"<RoleName>{role}</RoleName>"), "the default account must not see it");
    }

    [Test]
    [Description("issue 13 point 5: the warm-up's calls are read-only")]
    public async Task A_warmed_moto_answers_Provisions_first_calls_as_a_fresh_one_does()
    {
        using var dir = new TempDir("moto");
        var moto = new LocalMoto(dir.Path, Ports.Free(), new PipelineLog(TextWriter.Null), "us-west-2");
        try
        {
            var endpoint = await moto.EnsureRunningAsync(CancellationToken.None);
            await WarmedAsync(dir.File("moto.log"));
            using var http = new HttpClient();

            var roles = await IamAsync(http, endpoint, "testing", "Action=ListRoles");
            var clusters = await QueryAsync(http, endpoint, "redshift", "us-west-2", "testing", "Action=DescribeClusters&Version=2012-12-01");
            var groups = await QueryAsync(http, endpoint, "ec2", "us-west-2", "testing", "Action=DescribeSecurityGroups&Version=2016-11-15");

            Assert.That(roles, Does.Not.Contain("<RoleName>"), "the warm-up made a role");
            Assert.That(clusters, Does.Not.Contain("<ClusterIdentifier>"), "the warm-up made a cluster");
            Assert.That(Regex.Matches(groups, "<groupName>default</groupName>").Count, Is.EqualTo(1), "the default VPC's one default group only");
        }
        finally
        {
            await moto.StopAsync(CancellationToken.None);
        }
    }

    /// moto logs one line per request: the warm-up's three calls have been answered.
    static async Task WarmedAsync(string log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(log) || Regex.Matches(await File.ReadAllTextAsync(log), "\"POST / HTTP/1.1\"").Count < 3)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"the warm-up did not make its three calls within 60 s; {log} holds:\n" +
                                                        (File.Exists(log) ? await File.ReadAllTextAsync(log) : "nothing"));
            await Task.Delay(100);
        }
    }

    static Task<string> IamAsync(HttpClient http, string endpoint, string accessKey, string query, string? account = null) =>
        QueryAsync(http, endpoint, "iam", "us-east-1", accessKey, query + "&Version=2010-05-08", account);

    /// A Query API call signed just enough for moto (which picks service and region from the scope and checks no signature).
    static async Task<string> QueryAsync(HttpClient http, string endpoint, string service, string region, string accessKey, string body,
        string? account = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint + "/")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/20240101/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        if (account is not null) request.Headers.Add("x-moto-account-id", account);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{service} {body}: {text}");
        return text;
    }

    [GeneratedRegex("<AccessKeyId>([^<]+)</AccessKeyId>")]
    private static partial Regex AccessKeyId();
}
