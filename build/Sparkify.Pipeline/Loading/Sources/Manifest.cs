using System.Text.Json;

namespace Sparkify.Pipeline.Loading.Sources;

/// <summary>
/// A COPY manifest: {"entries": [{"url": "s3://bucket/key", "mandatory": true}, …]}. A missing mandatory entry
/// fails the load; a missing optional one is skipped (Redshift's rules for MANIFEST).
/// </summary>
public static class Manifest
{
    public static async Task<IReadOnlyList<SourceObject>> ObjectsAsync(StoreSet stores, string location, CancellationToken ct)
    {
        var (store, key) = stores.Resolve(location);
        if (await store.SizeAsync(key, ct) is null)
            throw new PipelineException($"manifest {store.Describe(key)} does not exist");
        var objects = new List<SourceObject>();
        foreach (var (url, mandatory) in await EntriesAsync(store, key, ct))
        {
            var (entryStore, entryKey) = stores.Resolve(url);
            var size = await entryStore.SizeAsync(entryKey, ct);
            if (size is { } s) objects.Add(new SourceObject(entryStore, entryKey, s));
            else if (mandatory)
                throw new PipelineException($"manifest {store.Describe(key)}: mandatory entry {url} does not exist; nothing was loaded");
        }
        return objects;
    }

    static async Task<List<(string Url, bool Mandatory)>> EntriesAsync(ObjectStore store, string key, CancellationToken ct)
    {
        try
        {
            await using var stream = await store.OpenAsync(key, ct);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            if (!document.RootElement.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
                throw new PipelineException($"manifest {store.Describe(key)} has no \"entries\" array");
            return entries.EnumerateArray().Select(e => Entry(e, store.Describe(key))).ToList();
        }
        catch (JsonException e)
        {
            throw new PipelineException($"manifest {store.Describe(key)} is not valid JSON: {e.Message}");
        }
    }

    static (string, bool) Entry(JsonElement entry, string manifest)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
            throw new PipelineException($"manifest {manifest}: an entry has no \"url\" string: {entry.GetRawText()}");
        var mandatory = entry.TryGetProperty("mandatory", out var m) && m.ValueKind == JsonValueKind.True;
        return (url.GetString()!, mandatory);
    }
}
