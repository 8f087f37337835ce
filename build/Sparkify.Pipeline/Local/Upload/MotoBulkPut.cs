using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// The bulk route of the local profile's moto (Local/moto_serve.py): many files put in one request per batch, sent
/// as their bytes back to back plus an index of keys and sizes, and stored through moto's own S3 backend. moto answers a few hundred requests a second, so a
/// request per object made the upload of a scale-100 sample (10,101 objects) take 45-80 s; batches take seconds.
/// Any other endpoint (AWS, a plain moto_server) has no such route: the probe says so and the caller PUTs.
/// </summary>
public static class MotoBulkPut
{
    const string Route = "_sparkify/put-batch";
    const long BatchBytes = 16 << 20;
    const int BatchObjects = 2000;

    /// Puts every file under its key: the ETag of each object put, by key (moto's, the MD5 of the bytes it stored);
    /// null (nothing put) when the endpoint has no bulk route.
    public static async Task<IReadOnlyDictionary<string, string>?> TryPutAsync(string serviceUrl, string bucket, IReadOnlyList<SampleFile> files,
        CancellationToken ct)
    {
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false })
            { BaseAddress = new Uri(serviceUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        if (!await HasRouteAsync(http, ct)) return null;
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        // The next batch's archive is built while moto stores the last one: moto's Python takes one core, this the other.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var archives = Channel.CreateBounded<(List<SampleFile> Batch, MemoryStream Body)>(1);
        var building = Task.Run(() => BuildAsync(Batches(files), archives.Writer, failed.Token), failed.Token);
        try
        {
            await foreach (var (batch, body) in archives.Reader.ReadAllAsync(failed.Token))
                using (body)
                {
                    using var response = await http.PostAsync($"{Route}?bucket={Uri.EscapeDataString(bucket)}", new StreamContent(body), failed.Token);
                    if (!response.IsSuccessStatusCode)
                        throw new PipelineException($"the local moto at {serviceUrl} refused the bulk upload of {batch.Count} objects into s3://{bucket} " +
                                                    $"({(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}); see its moto.log " +
                                                    "under [LOCAL] data_dir, or ./build.sh Teardown to restart it");
                    foreach (var (key, etag) in await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(ct) ?? []) etags[key] = etag;
                }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            await building.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        await building;
        return etags;
    }

    /// <summary>
    /// Each batch as the route reads it: the files' bytes back to back, then a JSON index [[key, size], …] in the same
    /// order, then the index's length as 4 bytes big-endian. Sizes are what was read, so a file that changed size since
    /// it was listed is sent whole and indexed as sent. (It was a tar archive: Python's tarfile took a fifth of the
    /// route's time parsing headers, issue 29.)
    /// </summary>
    static async Task BuildAsync(IEnumerable<List<SampleFile>> batches, ChannelWriter<(List<SampleFile>, MemoryStream)> archives, CancellationToken ct)
    {
        try
        {
            foreach (var batch in batches)
            {
                var body = new MemoryStream((int)Math.Min(Array.MaxLength, batch.Sum(Size) + 64L * batch.Count + 64));
                var index = new List<object[]>(batch.Count);
                foreach (var file in batch)
                {
                    var start = body.Length;
                    await using (var source = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
                        await source.CopyToAsync(body, ct);
                    index.Add([file.Key, body.Length - start]);
                }
                var indexBytes = JsonSerializer.SerializeToUtf8Bytes(index);
                body.Write(indexBytes);
                var length = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(length, indexBytes.Length);
                body.Write(length);
                body.Position = 0;
                await archives.WriteAsync((batch, body), ct);
            }
        }
        finally
        {
            archives.Complete();
        }
    }

    static async Task<bool> HasRouteAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(Route, ct);
            return response.IsSuccessStatusCode && response.Headers.Contains("X-Sparkify-Bulk")
                                                && (await response.Content.ReadFromJsonAsync<Dictionary<string, bool>>(ct))?.GetValueOrDefault("bulk") == true;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or NotSupportedException)
        {
            return false;
        }
    }

    static long Size(SampleFile file) => file.Identity?.Size ?? new FileInfo(file.Path).Length;

    static IEnumerable<List<SampleFile>> Batches(IReadOnlyList<SampleFile> files)
    {
        var batch = new List<SampleFile>();
        long bytes = 0;
        foreach (var file in files)
        {
            var size = Size(file);
            if (batch.Count > 0 && (bytes + size > BatchBytes || batch.Count >= BatchObjects))
            {
                yield return batch;
                (batch, bytes) = ([], 0);
            }
            batch.Add(file);
            bytes += size;
        }
        if (batch.Count > 0) yield return batch;
    }
}
