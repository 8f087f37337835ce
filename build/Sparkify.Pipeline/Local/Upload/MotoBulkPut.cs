using System.Formats.Tar;
using System.Net.Http.Json;
using System.Threading.Channels;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// The bulk route of the local profile's moto (Local/moto_serve.py): many files put in one request per batch, sent
/// as a tar archive and stored through moto's own S3 backend. moto answers a few hundred requests a second, so a
/// request per object made the upload of a scale-100 sample (10,101 objects) take 45-80 s; batches take seconds.
/// Any other endpoint (AWS, a plain moto_server) has no such route: the probe says so and the caller PUTs.
/// </summary>
public static class MotoBulkPut
{
    const string Route = "_sparkify/put-objects";
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

    /// Each batch as a tar archive (GNU format: one header per file; Python's tarfile reads it, long names included).
    static async Task BuildAsync(IEnumerable<List<SampleFile>> batches, ChannelWriter<(List<SampleFile>, MemoryStream)> archives, CancellationToken ct)
    {
        try
        {
            foreach (var batch in batches)
            {
                var body = new MemoryStream();
                await using (var tar = new TarWriter(body, TarEntryFormat.Gnu, leaveOpen: true))
                    foreach (var file in batch)
                        await tar.WriteEntryAsync(file.Path, file.Key, ct);
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

    static IEnumerable<List<SampleFile>> Batches(IReadOnlyList<SampleFile> files)
    {
        var batch = new List<SampleFile>();
        long bytes = 0;
        foreach (var file in files)
        {
            var size = file.Identity?.Size ?? new FileInfo(file.Path).Length;
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
