namespace Sparkify.Pipeline.Targets;

/// What exists now, as AWS reports it.
public sealed record StatusResult(
    string Role, string? RoleArn, IReadOnlyList<string> Policies,
    string ClusterId, string? ClusterStatus, string? Endpoint, TimeSpan? Uptime, decimal? CostSoFar,
    IReadOnlyList<string> IngressCidrs)
{
    /// Redshift Serverless only: the namespace's state, the usage limit, and the RPU-hours charged this period when readable.
    public string? NamespaceStatus { get; init; }
    public string? UsageLimit { get; init; }
    public decimal? RpuHoursUsed { get; init; }
}
