using System.Text.Json;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Shows what exists now, read from AWS (or the local moto): the role and its policies, the cluster's status,
/// endpoint, uptime and on-demand cost so far, and the ingress rules on the cluster port. Changes nothing.
/// </summary>
public static class Status
{
    public static Task<StatusResult?> ExecuteAsync(Run run) => run.Boundary("Status", async () =>
    {
        if (run.Platform.ControlPlaneStopped())
        {
            run.Log.Information($"Status: the local moto is not running on port {run.Config.Local.MotoPort}, so nothing exists");
            return null;
        }
        using var session = await run.AwsSessionAsync();
        var result = await RunAsync(session, run.Ct, c => ServerlessUsage.RpuHoursAsync(run, c));
        run.Summary.Set("cluster_status", JsonSerializer.SerializeToNode(result));
        return result;
    });

    /// <paramref name="rpuHoursUsed"/>: Redshift Serverless' RPU-hours this period, read from the warehouse (null: not read).
    public static async Task<StatusResult> RunAsync(AwsSession s, CancellationToken ct, Func<CancellationToken, Task<decimal?>>? rpuHoursUsed = null)
    {
        s.RequireKnownRegion();
        var state = s.State.Load();
        var role = state.RoleName ?? s.Config.Iam.RoleName;
        var clusterId = state.ClusterId ?? s.Config.Cluster.Identifier;

        var (arn, policies) = await AwsStep.RunAsync(s.Aws, $"reading IAM role {role}", "[IAM_ROLE] role_name", async () =>
        {
            var roleArn = await s.Iam.RoleArnAsync(role, ct);
            if (roleArn is null) return (roleArn, (IReadOnlyList<string>)[]);
            return (roleArn, [.. await s.Iam.AttachedPolicyArnsAsync(role, ct), .. await s.Iam.InlinePolicyNamesAsync(role, ct)]);
        });
        if (state.Kind is { } kind ? kind == "serverless" : s.IsServerless)
            return await StatusServerless.ReadAsync(s, state, role, arn, policies, rpuHoursUsed, ct);
        var cluster = await AwsStep.RunAsync(s.Aws, $"reading cluster {clusterId}", "[CLUSTER] identifier and [AWS] region",
            () => s.Redshift.DescribeAsync(clusterId, ct));
        var uptime = cluster?.CreatedAt is { } created ? s.Clock.Now() - created : (TimeSpan?)null;
        var perHour = cluster is null ? null : s.Prices.PerHour(s.Aws.Region, cluster.NodeType, cluster.Nodes);
        var cost = uptime is { } u && perHour is { } p ? Math.Round(p * (decimal)u.TotalHours, 2) : (decimal?)null;
        var port = cluster?.Port ?? state.IngressPort ?? s.Config.Cluster.DbPort;
        var cidrs = await AwsStep.RunAsync(s.Aws, "reading the ingress rules", "[AWS] region", async () =>
        {
            var groupId = state.SecurityGroupId ?? await s.Ingress.DefaultSecurityGroupAsync(s.Aws.Region, ct);
            return (await s.Ingress.CidrsAsync(groupId, port, ct)).Select(r => r.CidrIp).ToList();
        });

        s.Log.Information($"Status ({s.Profile.Name()}, {s.Aws.Region}):");
        s.Log.Information(arn is null ? $"  role     {role}: none" : $"  role     {role}: {arn}; policies: {string.Join(", ", policies)}");
        s.Log.Information(cluster is null
            ? $"  cluster  {clusterId}: none"
            : $"  cluster  {clusterId}: {cluster.Status}, {cluster.Nodes} x {cluster.NodeType}, endpoint {cluster.Address ?? "-"}:{cluster.Port}, " +
              $"up {(uptime is { } t ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : "?")}, " +
              $"cost so far {(cost is { } c ? $"about {c:0.00} {s.Prices.Currency} (on-demand, {Pricing.RelativePath})" : "unknown (no price for it)")}");
        s.Log.Information(cidrs.Count == 0 ? $"  ingress  tcp/{port}: none" : $"  ingress  tcp/{port}: {string.Join(", ", cidrs)}");
        return new StatusResult(role, arn, policies, clusterId, cluster?.Status, cluster?.Address, uptime, cost, cidrs);
    }
}
