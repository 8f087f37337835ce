using System.Text.Json;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Loading.Json;

/// A JSONPaths file: {"jsonpaths": ["$['artist']", …]}, one expression per target column, in column order.
public static class JsonPathsFile
{
    public static async Task<IReadOnlyList<JsonPath>> ReadAsync(StoreSet stores, string location, CancellationToken ct)
    {
        var (store, key) = stores.Resolve(location);
        if (await store.SizeAsync(key, ct) is null)
            throw new PipelineException($"JSONPaths file {store.Describe(key)} does not exist; check [S3] log_jsonpath");
        try
        {
            await using var stream = await store.OpenAsync(key, ct);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            return Parse(document.RootElement, store.Describe(key));
        }
        catch (JsonException e)
        {
            throw new PipelineException($"JSONPaths file {store.Describe(key)} is not valid JSON: {e.Message}");
        }
    }

    public static IReadOnlyList<JsonPath> Parse(JsonElement root, string where)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("jsonpaths", out var paths) || paths.ValueKind != JsonValueKind.Array)
            throw new PipelineException($"JSONPaths file {where} has no \"jsonpaths\" array");
        try
        {
            return paths.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String
                ? JsonPath.Parse(p.GetString()!)
                : throw new PipelineException($"{p.GetRawText()} is not a string")).ToList();
        }
        catch (PipelineException e)
        {
            throw new PipelineException($"JSONPaths file {where}: {e.Message}");
        }
    }
}
