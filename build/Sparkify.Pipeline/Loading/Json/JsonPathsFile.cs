using System.Text.Json;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// A JSONPaths file: {"jsonpaths": ["$['artist']", …]}, one expression per target column, in column order. As the
/// Database Developer Guide ("JSONPaths file") says: a single object whose name is not "jsonpaths" makes COPY ignore
/// the file and use 'auto' (Read returns null); malformed JSON, more than one value, or an element that is empty or
/// not a string fails the load; expressions may not mix bracket and dot notation.
/// </summary>
public static class JsonPathsFile
{
    /// The expressions, or null when the file's object has no "jsonpaths" name (COPY then uses 'auto').
    public static async Task<IReadOnlyList<JsonPath>?> ReadAsync(StoreSet stores, string location, CancellationToken ct)
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
            throw new PipelineException($"JSONPaths file {store.Describe(key)} is not one well-formed JSON object: {e.Message}");
        }
    }

    public static IReadOnlyList<JsonPath>? Parse(JsonElement root, string where)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new PipelineException($"JSONPaths file {where} must hold a single JSON object {{\"jsonpaths\": [...]}}, not a {root.ValueKind.ToString().ToLowerInvariant()}");
        // Guide silent on an object with "jsonpaths" and other names too: the choice is to use "jsonpaths", ignore the rest.
        if (!root.TryGetProperty("jsonpaths", out var paths)) return null;
        if (paths.ValueKind != JsonValueKind.Array)
            throw new PipelineException($"JSONPaths file {where}: \"jsonpaths\" must be an array of JSONPath strings");
        try
        {
            var parsed = paths.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String && p.GetString()!.Length > 0
                ? JsonPath.Parse(p.GetString()!)
                : throw new PipelineException($"element {p.GetRawText()} is empty or not a string")).ToList();
            if (parsed.Select(p => p.Notation).Where(n => n != PathNotation.None).Distinct().Count() > 1)
                throw new PipelineException("mixes bracket and dot notation across its expressions, which COPY does not accept; use one notation");
            return parsed;
        }
        catch (PipelineException e)
        {
            throw new PipelineException($"JSONPaths file {where}: {e.Message}");
        }
    }
}
