using System.Text.Json;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// The whole bucket in one request from the local profile's moto (Local/moto_serve.py's list route): moto's own
/// listing, unpaged. ListObjectsV2 pages of 1,000 keys cost moto a sort of the whole bucket and an XML document each,
/// 5-7 s for the 10,101 keys of a scale-100 sample on the busy machine; this answers in a fraction of a second. Any
/// other endpoint has no such route, and the caller lists through ListObjectsV2.
/// </summary>
public static class MotoBulkList
{
    const string Route = "_sparkify/list-objects";

    /// The bucket's listing, or null when the endpoint has no list route or it could not answer (then list through S3).
    public static async Task<BucketListing?> TryListAsync(string serviceUrl, string bucket, CancellationToken ct)
    {
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false })
            { BaseAddress = new Uri(serviceUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            using var response = await http.GetAsync($"{Route}?bucket={Uri.EscapeDataString(bucket)}", ct);
            if (!response.IsSuccessStatusCode || !response.Headers.Contains("X-Sparkify-Bulk")) return null;
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            var objects = document.RootElement.GetProperty("objects").EnumerateArray()
                .Select(o => new ListedObject(o[0].GetString()!, o[1].GetInt64(), o[2].GetString()!));
            return BucketListing.Of(bucket, objects);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }
}
