using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// Redshift on-demand prices per node-hour, kept as data in pricing/redshift-on-demand.json with their date, so the
/// estimate Provision prints before creating a cluster is reviewable and easy to update.
/// </summary>
public sealed class Pricing
{
    public const string RelativePath = "pricing/redshift-on-demand.json";

    [JsonPropertyName("as_of")] public string AsOf { get; init; } = "";
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("currency")] public string Currency { get; init; } = "USD";
    [JsonPropertyName("regions")] public Dictionary<string, Dictionary<string, decimal>> Regions { get; init; } = [];

    public static Pricing Load(string root) => LoadTable<Pricing>(root, RelativePath);

    /// A dated price table under pricing/; a missing or broken one names itself.
    internal static T LoadTable<T>(string root, string relativePath)
    {
        var path = Path.Combine(root, relativePath);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path)) ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            throw new PipelineException($"the price table {path} cannot be read ({e.Message}); restore it from git");
        }
    }

    /// The cluster's price per hour, or null when the table has no price for this region and node type.
    public decimal? PerHour(string region, string nodeType, int nodes) =>
        Regions.TryGetValue(region, out var prices) && prices.TryGetValue(nodeType, out var perNode) ? perNode * nodes : null;

    /// One line for the log: "1 x ra3.large in us-west-2: about 0.54 USD per hour (on-demand prices as of …)".
    public string Describe(string region, string nodeType, int nodes) => PerHour(region, nodeType, nodes) is { } perHour
        ? $"{nodes} x {nodeType} in {region}: about {perHour:0.00} {Currency} per hour, {perHour * 24:0.00} per day " +
          $"(on-demand prices as of {AsOf}, {RelativePath})"
        : $"{nodes} x {nodeType} in {region}: no price for this region and node type in {RelativePath} (as of {AsOf}); " +
          $"see {Source}";
}
