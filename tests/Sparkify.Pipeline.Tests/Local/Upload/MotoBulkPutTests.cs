using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using Sparkify.Pipeline.Local.Upload;

namespace Sparkify.Pipeline.Tests.Local.Upload;

/// <summary>
/// moto_serve.py's batch route on the fixtures' real moto (issue 29 replaced its tar archive with bytes plus an index):
/// every object comes back byte for byte under its key with the MD5 of its bytes as ETag, and a batch whose index does
/// not match its bytes is refused before anything is stored.
/// </summary>
[NonParallelizable]
public class MotoBulkPutTests
{
    [Test]
    public async Task Objects_put_in_one_batch_read_back_byte_for_byte_under_their_keys_with_their_MD5_as_ETag()
    {
        var bucket = await MotoBucket.CreateAsync();
        using var dir = new TempDir("bulk");
        var contents = new Dictionary<string, byte[]>
        {
            ["log_data/2018/11/2018-11-01-events.json"] = Encoding.UTF8.GetBytes("{\"a\": 1}\n{\"a\": 2}\n"),
            ["song_data/A/" + new string('n', 150) + ".json"] = Encoding.UTF8.GetBytes("{\"long\": \"key\"}"),
            ["song_data/B/chanson-été.json"] = Encoding.UTF8.GetBytes("{\"title\": \"été\"}"),
            ["song_data/C/empty.json"] = [],
            ["song_data/D/binary.json"] = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray(),
        };
        var files = contents.Select((c, i) =>
        {
            var path = dir.File($"f{i}");
            File.WriteAllBytes(path, c.Value);
            return new SampleFile(path, c.Key);
        }).ToList();

        var etags = await MotoBulkPut.TryPutAsync(bucket.Aws.ServiceUrl!, bucket.Name, files, CancellationToken.None);

        Assert.That(etags, Is.Not.Null, "the fixtures' moto runs moto_serve.py, which has the batch route");
        using var s3 = bucket.Aws.S3();
        foreach (var (key, bytes) in contents)
        {
            using var response = await s3.GetObjectAsync(bucket.Name, key);
            using var read = new MemoryStream();
            await response.ResponseStream.CopyToAsync(read);
            var md5 = Convert.ToHexStringLower(MD5.HashData(bytes));
            Assert.That((read.ToArray(), etags![key], response.ETag.Trim('"')), Is.EqualTo((bytes, md5, md5)), key);
        }
    }

    [TestCase(+1)]
    [TestCase(-1)]
    public async Task A_batch_whose_index_does_not_match_its_bytes_is_refused_and_stores_nothing(int sizeError)
    {
        var bucket = await MotoBucket.CreateAsync();
        var index = Encoding.UTF8.GetBytes($"[[\"song_data/A/a.json\", {3 + sizeError}], [\"song_data/A/b.json\", 3]]");
        var body = Encoding.UTF8.GetBytes("abcdef").Concat(index).Concat(BitConverter.GetBytes(index.Length).Reverse()).ToArray();

        using var http = new HttpClient();
        using var response = await http.PostAsync($"{bucket.Aws.ServiceUrl}/_sparkify/put-batch?bucket={bucket.Name}", new ByteArrayContent(body));

        using var s3 = bucket.Aws.S3();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket.Name });
        Assert.That((response.StatusCode, await response.Content.ReadAsStringAsync(), listed.S3Objects?.Count ?? 0),
            Is.EqualTo((HttpStatusCode.BadRequest, "{\"error\": \"ValueError: the index names " + (6 + sizeError) + " bytes of objects, the batch holds 6\"}", 0)));
    }
}
