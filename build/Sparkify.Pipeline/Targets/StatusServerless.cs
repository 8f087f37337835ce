using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Status' warehouse lines for Redshift Serverless: the namespace's and workgroup's states, the base capacity and
/// endpoint, the usage limit, and the RPU-hours charged in the limit's current period when the warehouse can be read
/// (SYS_SERVERLESS_USAGE; null when it cannot: it is not reachable from here, or not running).
/// </summary>
public static class StatusServerless
{
    public static async Task<StatusResult> ReadAsync(AwsSession s, DwhState state, string role, string? arn, IReadOnlyList<string> policies,
        Func<CancellationToken, Task<decimal?>>? rpuHoursUsed, CancellationToken ct)
    {
        var settings = s.Config.Serverless;
        var (ns, wg) = (state.Namespace ?? settings.Namespace, state.Workgroup ?? settings.Workgroup);
        var (nsInfo, wgInfo, limits) = await AwsStep.RunAsync(s.Aws, $"reading Redshift Serverless workgroup {wg}",
            "[SERVERLESS] namespace, workgroup and [AWS] region", async () =>
            {
                var n = await s.Serverless.NamespaceAsync(ns, ct);
                var w = await s.Serverless.WorkgroupAsync(wg, ct);
                return (n, w, w is null ? [] : await s.Serverless.UsageLimitsAsync(w.Arn, ct));
            });
        decimal? used = null;
        if (wgInfo?.Status == "AVAILABLE" && rpuHoursUsed is not null)
        {
            try { used = await rpuHoursUsed(ct); }
            catch (PipelineException e) { s.Log.Information($"  (RPU-hours used not readable: {e.Message})"); }
        }
        var port = wgInfo?.Port ?? state.IngressPort ?? s.Config.Cluster.DbPort;
        var cidrs = await AwsStep.RunAsync(s.Aws, "reading the ingress rules", "[AWS] region", async () =>
        {
            var groupId = state.SecurityGroupId ?? await s.Ingress.DefaultSecurityGroupAsync(s.Aws.Region, ct);
            return (await s.Ingress.CidrsAsync(groupId, port, ct)).Select(r => r.CidrIp).ToList();
        });
        var limit = limits.Count == 0 ? "none" : string.Join(", ", limits.Select(l => $"{l.Amount} RPU-hours {l.Period} ({l.BreachAction})"));

        s.Log.Information($"Status ({s.Profile.Name()}, {s.Aws.Region}, Redshift Serverless):");
        s.Log.Information(arn is null ? $"  role       {role}: none" : $"  role       {role}: {arn}; policies: {string.Join(", ", policies)}");
        s.Log.Information(nsInfo is null ? $"  namespace  {ns}: none" : $"  namespace  {ns}: {nsInfo.Status}, database {nsInfo.DbName ?? "-"}");
        s.Log.Information(wgInfo is null
            ? $"  workgroup  {wg}: none"
            : $"  workgroup  {wg}: {wgInfo.Status}, {wgInfo.BaseCapacity} RPU base capacity, endpoint {wgInfo.Address ?? "-"}:{wgInfo.Port}");
        s.Log.Information($"  usage      limit: {limit}; used this period: " +
                          (used is { } u ? $"{u:0.00} RPU-hours (SYS_SERVERLESS_USAGE)" : "not readable (the warehouse is not reachable from here)"));
        s.Log.Information(cidrs.Count == 0 ? $"  ingress    tcp/{port}: none" : $"  ingress    tcp/{port}: {string.Join(", ", cidrs)}");
        return new StatusResult(role, arn, policies, wg, wgInfo?.Status, wgInfo?.Address, null, null, cidrs)
        {
            NamespaceStatus = nsInfo?.Status, UsageLimit = limits.Count == 0 ? null : limit, RpuHoursUsed = used,
        };
    }
}
