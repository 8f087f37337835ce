namespace Sparkify.Pipeline.Targets;

/// What exists now, as AWS reports it.
public sealed record StatusResult(
    string Role, string? RoleArn, IReadOnlyList<string> Policies,
    string ClusterId, string? ClusterStatus, string? Endpoint, TimeSpan? Uptime, decimal? CostSoFar,
    IReadOnlyList<string> IngressCidrs);
