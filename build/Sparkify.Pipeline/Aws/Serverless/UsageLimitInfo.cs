using System.Text.Json.Nodes;
using static Sparkify.Pipeline.Aws.Serverless.ServerlessJson;

namespace Sparkify.Pipeline.Aws.Serverless;

/// One usage limit of a workgroup: for serverless-compute, Amount RPU-hours per Period, then BreachAction.
public sealed record UsageLimitInfo(string Id, string ResourceArn, string UsageType, long? Amount, string? Period, string? BreachAction)
{
    public static UsageLimitInfo From(JsonNode? limit) => new(Text(limit, "usageLimitId") ?? "", Text(limit, "resourceArn") ?? "",
        Text(limit, "usageType") ?? "", Number(limit, "amount"), Text(limit, "period"), Text(limit, "breachAction"));
}
