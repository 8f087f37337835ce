using System.Text.Json;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Creates the IAM role, the Redshift cluster (or, with [CLUSTER] kind = serverless, the Redshift Serverless namespace,
/// workgroup and usage limit) and the ingress rule, in that order. Every step first looks at what
/// exists, so a rerun changes nothing and a run after a crash at any point finishes the job; the state file is
/// saved after each step. The local profile makes the same calls against moto.
/// </summary>
public static class Provision
{
    public static Task<ProvisionResult> ExecuteAsync(Run run) => run.Boundary("Provision", async () =>
    {
        using var session = await run.AwsSessionAsync();
        var result = await RunAsync(session, run.Ct);
        run.Summary.Set("provision", JsonSerializer.SerializeToNode(result));
        return result;
    });

    public static async Task<ProvisionResult> RunAsync(AwsSession s, CancellationToken ct)
    {
        s.RequireKnownRegion();
        // Known before anything is created: a failed detection must not leave a cluster running without its rule.
        var cidr = s.Config.Network.IngressCidr ?? await s.DefaultIngressCidrAsync(ct);
        var result = new ProvisionResult();
        var state = s.State.Load();
        s.RequireStateRegion(state, "Provision");
        // One warehouse per state file: switching [CLUSTER] kind would lose track of the other one.
        var kind = s.IsServerless ? "serverless" : "provisioned";
        if (state.Kind is { } recorded && recorded != kind)
            throw new PipelineException($"{s.State.Path} records a {recorded} warehouse, but [CLUSTER] kind is {kind}; run ./build.sh Teardown " +
                                        $"--CLUSTER:kind={recorded} first, or Provision with --CLUSTER:kind={recorded}");
        state.Kind = kind;
        state.Profile = s.Profile.Name();
        state.Region = s.Aws.Region;
        s.State.Save(state);

        await AwsStep.RunAsync(s.Aws, $"IAM role {s.Config.Iam.RoleName}", "[IAM_ROLE] role_name and policy_arn",
            () => ProvisionRole.EnsureAsync(s, state, result, ct));
        PausePoint.Reach("provision:after:role", ct);
        var groupId = await AwsStep.RunAsync(s.Aws, "default security group", "[AWS] region",
            () => s.Ingress.DefaultSecurityGroupAsync(s.Aws.Region, ct));
        state.SecurityGroupId = groupId;
        s.State.Save(state);
        var port = s.IsServerless
            ? (await AwsStep.RunAsync(s.Aws, $"Redshift Serverless workgroup {s.Config.Serverless.Workgroup}",
                "[SERVERLESS] namespace, workgroup, base_capacity, max_rpu_hours and [AWS] region",
                () => ProvisionServerless.EnsureAsync(s, state, groupId, result, ct))).Port
            : (await AwsStep.RunAsync(s.Aws, $"Redshift cluster {s.Config.Cluster.Identifier}",
                "[CLUSTER] node_type, num_nodes, cluster_type and [AWS] region",
                () => ProvisionCluster.EnsureAsync(s, state, groupId, result, ct))).Port;
        PausePoint.Reach("provision:after:cluster", ct);
        await AwsStep.RunAsync(s.Aws, "ingress rule", "[NETWORK] ingress_cidr",
            () => EnsureIngressAsync(s, state, groupId, cidr, port ?? s.Config.Cluster.DbPort, result, ct));

        s.Log.Information($"Provision: {(result.ChangedNothing ? "nothing to change" : "created " + string.Join(", ", result.Created))}" +
                          $"{(result.Kept.Count > 0 ? "; kept " + string.Join(", ", result.Kept) : "")}; state in {s.State.Path}");
        return result;
    }

    static async Task EnsureIngressAsync(AwsSession s, DwhState state, string groupId, string cidr, int port, ProvisionResult result,
        CancellationToken ct)
    {
        if (cidr == "0.0.0.0/0")
            s.Log.Warning("[NETWORK] ingress_cidr = 0.0.0.0/0 opens the cluster port to the whole internet; prefer your own /32");
        if (state.IngressCidr is { } old && state.IngressPort is { } oldPort && (old != cidr || oldPort != port) &&
            await s.Ingress.RevokeAsync(groupId, oldPort, old, ct))
            s.Log.Information($"Ingress: revoked the previous rule {old} on port {oldPort} (the setting changed)");

        var description = Ingress.RuleDescription(s.WarehouseName);
        var added = await s.Ingress.AuthorizeAsync(groupId, port, cidr, description, ct);
        (added ? result.Created : result.Kept).Add($"ingress {cidr}:{port}");
        s.Log.Information($"Ingress: {cidr} on tcp/{port} in {groupId} {(added ? "authorized" : "already authorized")}");
        state.IngressCidr = cidr;
        state.IngressPort = port;
        s.State.Save(state);
        result.IngressCidr = cidr;
    }
}
