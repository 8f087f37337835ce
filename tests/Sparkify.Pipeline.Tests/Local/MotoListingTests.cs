using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.S3.Model;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Local;

/// <summary>
/// moto_serve.py parses S3's LastModified strings itself, not through dateutil (issue 13, point 5: a listing of
/// 10,101 keys took 4.5 s). The shared fixture's moto runs that script; a plain moto_server started here is the
/// reference: the same objects must list byte for byte the same (prefixes, delimiters, continuation tokens,
/// start-after, URL encoding, ListObjects v1), apart from the put times themselves.
/// </summary>
[NonParallelizable]
public partial class MotoListingTests
{
    const string Region = "us-west-2";
    const string S3TimePattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    static readonly string[] Keys =
    [
        .. Enumerable.Range(1, 12).Select(d => $"log_data/2018/11/2018-11-{d:00}-events.json"),
        .. Enumerable.Range(0, 9).Select(i => $"song_data/{(char)('A' + i % 3)}/{(char)('A' + i / 3)}/TR{i:000}.json"),
        "song_data/A/", "song data/a+b c.json", "log_json_path.json", ".sparkify/uploaded-keys.json",
    ];

    static readonly string[] Queries =
    [
        "list-type=2",
        "list-type=2&max-keys=7",
        "list-type=2&prefix=log_data/2018/11/2018-11-0",
        "list-type=2&prefix=song_data/&delimiter=/",
        "list-type=2&delimiter=/&max-keys=2",
        "list-type=2&start-after=log_data/2018/11/2018-11-05-events.json&max-keys=4",
        "list-type=2&prefix=song%20data/&encoding-type=url",
        "list-type=2&fetch-owner=true&max-keys=3",
        "list-type=2&prefix=nothing/",
        "prefix=log_data/&max-keys=5",
        "prefix=song_data/&delimiter=/&marker=song_data/A",
    ];

    [Test]
    [Description("issue 13 point 5: moto_serve.py's faster listing keeps moto's listing semantics")]
    public async Task The_wrapped_moto_lists_every_page_as_a_plain_moto_server_does()
    {
        var bucket = $"l-{Guid.NewGuid():N}"[..20];
        var wrapped = await MotoFixture.EndpointAsync();
        using var plain = await PlainMotoAsync();
        Assert.That(await HasBulkRouteAsync(wrapped), Is.True, "the fixture's moto is moto_serve.py");
        Assert.That(await HasBulkRouteAsync(plain.Endpoint), Is.False, "the reference is moto_server itself");
        await FillAsync(wrapped, bucket);
        await FillAsync(plain.Endpoint, bucket);

        var times = 0;
        foreach (var query in Queries)
        {
            var expected = await PagesAsync(plain.Endpoint, bucket, query);
            var actual = await PagesAsync(wrapped, bucket, query);

            Assert.That(actual.Select(WithoutTimes), Is.EqualTo(expected.Select(WithoutTimes)), query);
            Assert.That(actual.SelectMany(Times), Is.All.Match(S3TimePattern), $"{query}: LastModified as S3 writes it");
            times += actual.SelectMany(Times).Count();
        }
        Assert.That(times, Is.GreaterThan(Keys.Length), "the listings carried times to compare");
    }

    [Test]
    public async Task The_wrapped_moto_lists_the_put_time_of_each_object()
    {
        var bucket = $"t-{Guid.NewGuid():N}"[..20];
        var aws = AwsContext.ForMoto(await MotoFixture.EndpointAsync(), Region);
        using var s3 = aws.S3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegionName = Region });
        var before = DateTime.UtcNow.AddSeconds(-1);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "song_data/x.json", ContentBody = "{}" });
        var after = DateTime.UtcNow.AddSeconds(1);

        var listed = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Single();

        Assert.That(listed.LastModified?.ToUniversalTime(), Is.InRange(before, after));
    }

    static async Task FillAsync(string endpoint, string bucket)
    {
        using var s3 = AwsContext.ForMoto(endpoint, Region).S3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegionName = Region });
        foreach (var key in Keys)
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key.EndsWith('/') ? "" : $"{{\"k\": \"{key}\"}}" });
    }

    /// Every page of the listing as moto sends it (unsigned path-style GETs: moto checks no signatures by default).
    static async Task<List<string>> PagesAsync(string endpoint, string bucket, string query)
    {
        using var http = new HttpClient();
        var pages = new List<string>();
        string? token = null;
        do
        {
            var url = $"{endpoint}/{bucket}?{query}" + (token is null ? "" : $"&continuation-token={Uri.EscapeDataString(token)}");
            var page = await http.GetStringAsync(url);
            pages.Add(page);
            var next = Regex.Match(page, "<NextContinuationToken>([^<]+)</NextContinuationToken>");
            token = next.Success ? next.Groups[1].Value : null;
        } while (token is not null && pages.Count < 50);
        return pages;
    }

    static string WithoutTimes(string page) => LastModified().Replace(page, "<LastModified/>");

    static IEnumerable<string> Times(string page) => LastModified().Matches(page).Select(m => m.Groups[1].Value);

    static async Task<bool> HasBulkRouteAsync(string endpoint)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"{endpoint}/_sparkify/put-batch");
        return response.Headers.Contains("X-Sparkify-Bulk");
    }

    static async Task<PlainMoto> PlainMotoAsync()
    {
        var port = Ports.Free();
        var info = new ProcessStartInfo("moto_server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var word in new[] { "-H", "127.0.0.1", "-p", port.ToString() }) info.ArgumentList.Add(word);
        var process = Process.Start(info) ?? throw new AssertionException("moto_server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var moto = new PlainMoto(process, $"http://127.0.0.1:{port}");
        try
        {
            await Ports.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), "moto_server", CancellationToken.None);
        }
        catch (PipelineException e)
        {
            moto.Dispose();
            Assert.Fail($"a plain moto_server for the reference listing did not start: {e.Message}");
        }
        return moto;
    }

    sealed record PlainMoto(Process Process, string Endpoint) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
            Process.Dispose();
        }
    }

    [GeneratedRegex("<LastModified>([^<]*)</LastModified>")]
    private static partial Regex LastModified();
}
