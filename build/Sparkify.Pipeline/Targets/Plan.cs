using System.Text.Json;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Provision's plan, before money is spent: reads what exists (Get/List/Describe calls only) and lists the AWS
/// calls Provision would make, the DDL and COPY statements CreateTables and StageCopy would run on Redshift (the
/// role's account redacted), the per-run login, and the cost estimate. Creates, changes and stores nothing.
/// </summary>
public static partial class Plan
{
    /// Stands in for the role ARN in the printed COPY statements: the account id is not for logs.
    public const string RedactedAccount = "<account>";

    const string GeneratedLater = "<DWH_DB_PASSWORD, else generated at Provision>";

    public static Task<PlanResult> ExecuteAsync(Run run) => run.Boundary("Plan", async () =>
    {
        using var session = await run.AwsSessionAsync();
        var result = await RunAsync(session, run.Sql, run.Ct) with { Loads = await PlanLoads.LocalAsync(run, session.Aws) };
        foreach (var line in result.Loads) run.Log.Information($"StageCopy would load {line}");
        run.Summary.Set("plan", JsonSerializer.SerializeToNode(result));
        return result;
    });

    public static async Task<PlanResult> RunAsync(AwsSession s, SqlFiles sql, CancellationToken ct)
    {
        s.RequireKnownRegion();
        var state = s.State.Load();
        s.RequireStateRegion(state, "Plan");
        var calls = new List<string>();
        var existing = new List<string>();
        var role = s.Config.Iam.RoleName;

        var arn = await AwsStep.RunAsync(s.Aws, $"reading IAM role {role}", "[IAM_ROLE] role_name", async () =>
        {
            var found = await s.Iam.RoleArnAsync(role, ct);
            if (found is null) calls.Add(Show("IAM", Iam.CreateRole(role, RolePolicies.Trust(s.IsServerless))));
            else existing.Add($"role {role} ({Redacted(found)})");
            if (s.Config.Iam.LeastPrivilege)
            {
                var inline = found is null ? [] : await s.Iam.InlinePolicyNamesAsync(role, ct);
                if (inline.Contains(RolePolicies.InlinePolicyName)) existing.Add($"inline policy {RolePolicies.InlinePolicyName} (Provision puts it again)");
                calls.Add(Show("IAM", Iam.PutRolePolicy(role, RolePolicies.InlinePolicyName, RolePolicies.LeastPrivilege(s.Config.S3))));
            }
            else if (found is not null && (await s.Iam.AttachedPolicyArnsAsync(role, ct)).Contains(s.Config.Iam.PolicyArn))
                existing.Add($"policy {s.Config.Iam.PolicyArn} attached");
            else calls.Add(Show("IAM", Iam.AttachRolePolicy(role, s.Config.Iam.PolicyArn)));
            return found;
        });
        var roleArn = arn ?? $"arn:aws:iam::000000000000:role/{role}";

        var groupId = await AwsStep.RunAsync(s.Aws, "default security group", "[AWS] region",
            () => s.Ingress.DefaultSecurityGroupAsync(s.Aws.Region, ct));
        existing.Add($"default security group {groupId}");

        var notChecked = new List<string>();
        var (port, cost) = s.IsServerless
            ? await PlanServerless.WarehouseAsync(s, roleArn, groupId, calls, existing, notChecked, ct)
            : await ClusterAsync(s, roleArn, groupId, calls, existing, ct);
        var cidr = await PlannedCidrAsync(s, ct);
        var cidrs = await AwsStep.RunAsync(s.Aws, "reading the ingress rules", "[AWS] region",
            async () => (await s.Ingress.CidrsAsync(groupId, port, ct)).Select(r => r.CidrIp).ToList());
        if (cidrs.Contains(cidr)) existing.Add($"ingress {cidr} on tcp/{port}");
        else calls.Add($"EC2 AuthorizeSecurityGroupIngress (GroupId={groupId}, IpProtocol=tcp, FromPort={port}, ToPort={port}, " +
                       $"CidrIp={cidr}, Description={Ingress.RuleDescription(s.WarehouseName)})");

        var statements = Statements(s, sql, roleArn);
        Log(s, calls, existing, notChecked, statements, cost);
        return new PlanResult(calls, existing, statements, cost) { Unchecked = notChecked };
    }

    static async Task<(int Port, string Cost)> ClusterAsync(AwsSession s, string roleArn, string groupId, List<string> calls, List<string> existing,
        CancellationToken ct)
    {
        var cluster = s.Config.Cluster;
        var found = await AwsStep.RunAsync(s.Aws, $"reading cluster {cluster.Identifier}", "[CLUSTER] identifier and [AWS] region",
            () => s.Redshift.DescribeAsync(cluster.Identifier, ct));
        var cost = s.Prices.Describe(s.Aws.Region, cluster.NodeType, cluster.NumNodes);
        if (found is null)
        {
            var password = cluster.Auth == ClusterAuth.Password ? GeneratedLater : null;
            calls.Add(Show("Redshift", Redshift.CreateCluster(new ClusterRequest(cluster, roleArn, groupId, password))));
            calls.Add($"Redshift DescribeClusters every {WaitSpec.DefaultDelay.TotalSeconds:0} s until available " +
                      $"(at most {cluster.AvailableTimeoutMinutes} min, [CLUSTER] available_timeout_minutes)");
        }
        else
        {
            existing.Add($"cluster {found.Id} ({found.Status}, {found.Nodes} x {found.NodeType}); not created again");
            cost = s.Prices.Describe(s.Aws.Region, found.NodeType, found.Nodes) + " (the existing cluster, already running)";
        }

        return (found?.Port ?? cluster.DbPort, cost);
    }

    /// The DDL of CreateTables and the COPYs of StageCopy for Redshift, as they would run, role account redacted.
    static List<string> Statements(AwsSession s, SqlFiles sql, string roleArn)
    {
        var statements = Tables.CreatedFor(Dialect.Redshift)
            .Select(t => sql.Read($"{SqlFiles.DialectFolder(Dialect.Redshift)}/create_{t}.sql").Trim()).ToList();
        var s3 = s.Config.S3;
        foreach (var copy in StagingCopies.For(s3.LogData.ToString(), s3.LogJsonPath.ToString(), s3.SongData.ToString(),
                     CopyOptions.FromConfig(s.Config)))
            statements.Add(Redacted(RedshiftCopy.Statement(sql, copy, roleArn)));
        var login = s.IsServerless
            ? $"-- login, once per run: {PlanServerless.Login(s)}"
            : s.Config.Cluster.Auth == ClusterAuth.Password
            ? "-- login: the master password (DWH_DB_PASSWORD, else the one Provision generates into the state file)"
            : $"-- login, once per run: {Show("Redshift", ClusterLogin.Request(s.Config.Cluster, s.Config.Cluster.Identifier, s.Config.Cluster.DbName, null))}";
        statements.Insert(0, login);
        return statements;
    }

    static async Task<string> PlannedCidrAsync(AwsSession s, CancellationToken ct)
    {
        if (s.Config.Network.IngressCidr is { } configured) return configured;
        try
        {
            return await s.DefaultIngressCidrAsync(ct);
        }
        catch (PipelineException e)
        {
            s.Log.Warning($"Plan: {e.Message}");
            return "<your public IP>/32";
        }
    }

    static void Log(AwsSession s, List<string> calls, List<string> existing, List<string> notChecked, List<string> statements, string cost)
    {
        s.Log.Information($"Plan ({s.Profile.Name()}, {s.Aws.Region}); nothing below has been done:");
        s.Log.Information(existing.Count == 0 ? "  exists already: nothing" : "  exists already:");
        foreach (var e in existing) s.Log.Information($"    {e}");
        s.Log.Information(calls.Count == 0 ? "  Provision would call: nothing (all in place)" : "  Provision would call, in order:");
        foreach (var c in calls) s.Log.Information($"    {c}");
        foreach (var u in notChecked) s.Log.Warning($"  not checked: {u}");
        s.Log.Information($"  cost estimate: {cost}");
        s.Log.Information("  CreateTables and StageCopy would run on Redshift:");
        foreach (var statement in statements)
            foreach (var line in statement.Split('\n')) s.Log.Information($"    {line.TrimEnd()}");
    }

    /// One call with its parameters; passwords never shown, the role's account redacted. Password parameters are
    /// written "Name (value)": the log's redactor masks anything shaped like "password=value".
    internal static string Show(string service, QueryRequest request) => $"{service} {request.Action} (" + string.Join(", ",
        request.Parameters.Select(p => p.Key.Contains("Password", StringComparison.Ordinal)
            ? $"{p.Key} ({(p.Value is "true" or GeneratedLater ? p.Value : "not shown")})"
            : $"{p.Key}={Redacted(p.Value)}")) + ")";

    internal static string Redacted(string text) => AccountInArn().Replace(text, $"arn:aws:iam::{RedactedAccount}:");

    [System.Text.RegularExpressions.GeneratedRegex(@"arn:aws:iam::\d{12}:")]
    private static partial System.Text.RegularExpressions.Regex AccountInArn();
}
