using System.Text.RegularExpressions;
using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Teardown's AWS part, in the safe order: the cluster (or the Serverless usage limit, workgroup and namespace) deleted
/// and gone, then the ingress rule, then the role's
/// policies and the role. Names come from the state file, else from dwh.cfg; anything already gone is reported
/// and skipped. The state is saved after each step, so an interrupted Teardown is simply run again.
/// </summary>
public static partial class TeardownAws
{
    public static async Task<TeardownResult> RunAsync(AwsSession s, string? finalSnapshot, CancellationToken ct)
    {
        if (finalSnapshot is not null && !SnapshotId().IsMatch(finalSnapshot))
            throw new PipelineException($"--final-snapshot={finalSnapshot} is not a snapshot identifier (lower-case letters, digits and single hyphens, starting with a letter)");
        s.RequireKnownRegion();
        var result = new TeardownResult();
        var state = s.State.Load();
        s.RequireStateRegion(state, "Teardown");
        var role = state.RoleName ?? s.Config.Iam.RoleName;
        // What Provision recorded decides; without a state file, [CLUSTER] kind does.
        var serverless = state.Kind is { } kind ? kind == "serverless" : s.IsServerless;
        var clusterId = serverless ? state.Workgroup ?? s.Config.Serverless.Workgroup : state.ClusterId ?? s.Config.Cluster.Identifier;

        if (serverless)
            await AwsStep.RunAsync(s.Aws, $"deleting Redshift Serverless workgroup {clusterId}", "[SERVERLESS] namespace, workgroup and [AWS] region",
                () => TeardownServerless.RunAsync(s, state, finalSnapshot ?? s.Config.Serverless.FinalSnapshot, result, ct));
        else
            await AwsStep.RunAsync(s.Aws, $"deleting cluster {clusterId}", "[CLUSTER] identifier and [AWS] region",
                () => TeardownCluster.RunAsync(s, clusterId, finalSnapshot, result, ct));
        state.ClusterId = state.Endpoint = state.DbName = state.DbUser = state.DbPassword = null;
        state.Port = null;
        state.CreatedAt = null;
        s.State.Save(state);

        await AwsStep.RunAsync(s.Aws, "revoking the ingress rule", "[NETWORK] ingress_cidr and [AWS] region",
            () => RevokeIngressAsync(s, state, clusterId, result, ct));
        state.SecurityGroupId = state.IngressCidr = null;
        state.IngressPort = null;
        s.State.Save(state);

        await AwsStep.RunAsync(s.Aws, $"deleting IAM role {role}", "[IAM_ROLE] role_name",
            () => DeleteRoleAsync(s, role, result, ct));
        state.ForgetProvisioned();
        s.State.Save(state);
        s.Log.Information($"Teardown (AWS): removed {(result.Removed.Count == 0 ? "nothing" : string.Join(", ", result.Removed))}" +
                          $"{(result.AlreadyGone.Count > 0 ? "; already gone: " + string.Join(", ", result.AlreadyGone) : "")}");
        return result;
    }

    static async Task RevokeIngressAsync(AwsSession s, DwhState state, string clusterId, TeardownResult result, CancellationToken ct)
    {
        string groupId;
        try
        {
            groupId = state.SecurityGroupId ?? await s.Ingress.DefaultSecurityGroupAsync(s.Aws.Region, ct);
        }
        catch (PipelineException e)
        {
            s.Log.Information($"Ingress: no security group to clean ({e.Message})");
            return;
        }
        var port = state.IngressPort ?? s.Config.Cluster.DbPort;
        var description = Ingress.RuleDescription(clusterId);
        var ours = (await s.Ingress.CidrsAsync(groupId, port, ct)).Where(r => r.Description == description).Select(r => r.CidrIp);
        var cidrs = ours.Concat(state.IngressCidr is { } recorded ? [recorded] : []).Distinct().ToList();
        if (cidrs.Count == 0) Gone(s, result, $"ingress on port {port}");
        foreach (var cidr in cidrs)
        {
            if (await s.Ingress.RevokeAsync(groupId, port, cidr, ct))
            {
                result.Removed.Add($"ingress {cidr}:{port}");
                s.Log.Information($"Ingress: revoked {cidr} on tcp/{port} in {groupId}");
            }
            else Gone(s, result, $"ingress {cidr}:{port}");
        }
    }

    static async Task DeleteRoleAsync(AwsSession s, string role, TeardownResult result, CancellationToken ct)
    {
        if (await s.Iam.RoleArnAsync(role, ct) is null)
        {
            Gone(s, result, $"role {role}");
            return;
        }
        foreach (var policy in await s.Iam.AttachedPolicyArnsAsync(role, ct))
        {
            await IgnoreMissing(() => s.Iam.DetachAsync(role, policy, ct));
            s.Log.Information($"IAM role {role}: detached {policy}");
        }
        foreach (var name in await s.Iam.InlinePolicyNamesAsync(role, ct))
        {
            await IgnoreMissing(() => s.Iam.DeleteInlineAsync(role, name, ct));
            s.Log.Information($"IAM role {role}: deleted inline policy {name}");
        }
        try
        {
            await s.Iam.DeleteAsync(role, ct);
            result.Removed.Add($"role {role}");
            s.Log.Information($"IAM role {role} deleted");
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "NoSuchEntity")
        {
            Gone(s, result, $"role {role}");
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "DeleteConflict")
        {
            throw new PipelineException($"IAM role {role} is still in use ({e.Message}); remove it from instance profiles or " +
                                        "other clusters, then run Teardown again");
        }
    }

    static async Task IgnoreMissing(Func<Task> call)
    {
        try { await call(); }
        catch (AmazonServiceException e) when (e.ErrorCode == "NoSuchEntity") { }
    }

    internal static void Gone(AwsSession s, TeardownResult result, string what)
    {
        result.AlreadyGone.Add(what);
        s.Log.Information($"{what}: already gone, skipped");
    }

    [GeneratedRegex(@"^(?!.*--)[a-z][a-z0-9-]{0,254}(?<!-)$")]
    private static partial Regex SnapshotId();
}
