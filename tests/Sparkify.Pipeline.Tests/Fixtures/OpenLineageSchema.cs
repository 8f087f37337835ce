using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// The OpenLineage run-event schema written for these tests (openlineage-run-event.schema.json), formats enforced.
public static class OpenLineageSchema
{
    static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(
        Path.Combine(Repo.Root, "tests", "Sparkify.Pipeline.Tests", "Fixtures", "openlineage-run-event.schema.json")));

    /// The schema's complaints about one event, empty when it validates.
    public static IReadOnlyList<string> Errors(JsonNode json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        var result = Schema.Value.Evaluate(document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }
}
