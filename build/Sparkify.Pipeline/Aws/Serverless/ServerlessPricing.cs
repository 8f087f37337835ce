using System.Text.Json.Serialization;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Aws.Serverless;

/// <summary>
/// Redshift Serverless on-demand price per RPU-hour, kept with its date and source in pricing/redshift-serverless.json.
/// Compute is billed per second while queries run, with a 60-second minimum each time the workgroup starts working.
/// </summary>
public sealed class ServerlessPricing
{
    public const string RelativePath = "pricing/redshift-serverless.json";

    /// AWS bills at least this much of every busy period (the pricing page: "billed per second, 60-second minimum").
    public const int MinimumSeconds = 60;

    [JsonPropertyName("as_of")] public string AsOf { get; init; } = "";
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("currency")] public string Currency { get; init; } = "USD";
    [JsonPropertyName("rpu_hour")] public Dictionary<string, decimal> RpuHour { get; init; } = [];

    public static ServerlessPricing Load(string root) => Pricing.LoadTable<ServerlessPricing>(root, RelativePath);

    public decimal? PerRpuHour(string region) => RpuHour.TryGetValue(region, out var price) ? price : null;

    /// USD per busy minute at this base capacity, the smallest bill of one start, and the usage cap in money.
    public string Describe(string region, ServerlessSettings s)
    {
        if (PerRpuHour(region) is not { } price)
            return $"{s.BaseCapacity} RPU in {region}: no Redshift Serverless price for this region in {RelativePath} (as of {AsOf}); see {Source}";
        var perMinute = s.BaseCapacity * price / 60;
        return $"{s.BaseCapacity} RPU base capacity in {region} at {price:0.000} {Currency} per RPU-hour: about {perMinute:0.000} {Currency} " +
               $"per busy minute ({s.BaseCapacity} x {price:0.000} / 60), at least {perMinute * MinimumSeconds / 60:0.000} {Currency} each time it " +
               $"starts working ({MinimumSeconds}-second minimum), nothing while idle; the usage limit stops queries after {s.MaxRpuHours} " +
               $"RPU-hours {s.Period}, at most {s.MaxRpuHours * price:0.00} {Currency} {s.Period} " +
               $"(prices as of {AsOf}, {RelativePath}; storage billed apart)";
    }
}
