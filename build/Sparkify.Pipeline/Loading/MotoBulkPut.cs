using System.Formats.Tar;
using System.Net.Http.Json;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// The bulk route of the local profile's moto (Local/moto_serve.py): many files put in one request per batch, sent
/// as a tar archive and stored through moto's own S3 backend. moto answers a few hundred requests a second, so a
/// request per object made the upload of a scale-100 sample (10,101 objects) take 45-80 s; batches take seconds.
/// Any other endpoint (AWS, a plain moto_server) has no such route: the probe says so and the caller PUTs.
/// </summary>
public static class MotoBulkPut
{
    const string Route = "_sparkify/put-objects";
    const long BatchBytes = 32 << 20;
    const int BatchObjects = 4000;

    /// Puts every file under its key; false (nothing put) when the endpoint has no bulk route.
    public static async Task<bool> TryPutAsync(string serviceUrl, string bucket, IReadOnlyList<(string Path, string Key)> files, CancellationToken ct)
    {
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false })
            { BaseAddress = new Uri(serviceUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        if (!await HasRouteAsync(http, ct)) return false;
        foreach (var batch in Batches(files))
        {
            using var body = new MemoryStream();
            await using (var tar = new TarWriter(body, TarEntryFormat.Pax, leaveOpen: true))
                foreach (var (path, key) in batch)
                    await tar.WriteEntryAsync(path, key, ct);
            body.Position = 0;
            using var response = await http.PostAsync($"{Route}?bucket={Uri.EscapeDataString(bucket)}", new StreamContent(body), ct);
            if (!response.IsSuccessStatusCode)
                throw new PipelineException($"the local moto at {serviceUrl} refused the bulk upload of {batch.Count} objects into s3://{bucket} " +
                                            $"({(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}); see its moto.log " +
                                            "under [LOCAL] data_dir, or ./build.sh Teardown to restart it");
        }
        return true;
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

    static IEnumerable<List<(string Path, string Key)>> Batches(IReadOnlyList<(string Path, string Key)> files)
    {
        var batch = new List<(string Path, string Key)>();
        long bytes = 0;
        foreach (var file in files)
        {
            var size = new FileInfo(file.Path).Length;
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
