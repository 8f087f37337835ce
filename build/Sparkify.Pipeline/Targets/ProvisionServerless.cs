using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Aws.Serverless;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Provision's warehouse step for [CLUSTER] kind = serverless: the namespace (database, the role as its IAM role and
/// default IAM role, no admin password), the workgroup (base capacity, publicly accessible, the default security
/// group, the port), each reused when it exists and waited for until AVAILABLE, then the usage limit. The state
/// file is saved after each, so a rerun after a crash finishes the job.
/// </summary>
public static class ProvisionServerless
{
    public static async Task<WorkgroupInfo> EnsureAsync(AwsSession s, DwhState state, string groupId, ProvisionResult result, CancellationToken ct)
    {
        var settings = s.Config.Serverless;
        var api = s.Serverless;
        var timeout = TimeSpan.FromMinutes(s.Config.Cluster.AvailableTimeoutMinutes);
        state.Kind = "serverless";
        state.Namespace = settings.Namespace;
        state.Workgroup = settings.Workgroup;
        s.State.Save(state);

        var ns = await api.NamespaceAsync(settings.Namespace, ct);
        if (ns is null)
        {
            s.Log.Information($"Cost estimate: {ServerlessPricing.Load(s.Root).Describe(s.Aws.Region, settings)}");
            ns = await Create($"namespace {settings.Namespace}", result, s,
                () => api.CreateNamespaceAsync(settings, s.Config.Cluster.DbName, state.RoleArn!, ct),
                () => api.NamespaceAsync(settings.Namespace, ct));
        }
        else Keep(s, result, $"namespace {settings.Namespace}", ns.Status);
        if (ns.Status == "DELETING")
            throw new PipelineException($"namespace {settings.Namespace} is being deleted; run Provision again once it is gone (Status shows it)");
        if (state.RoleArn is { } role && !ns.IamRoles.Any(r => r.Contains(role, StringComparison.Ordinal)))
            s.Log.Warning($"namespace {settings.Namespace} does not have the role {role}; COPY from S3 will fail until it is added");
        await Waiter.UntilAsync(ServerlessWaits.NamespaceAvailable(timeout), $"namespace {settings.Namespace}",
            c => api.NamespaceStatusAsync(settings.Namespace, c), s.Log, s.Clock, OnTimeout, ct);

        var wg = await api.WorkgroupAsync(settings.Workgroup, ct);
        if (wg is null)
            wg = await Create($"workgroup {settings.Workgroup}", result, s,
                () => api.CreateWorkgroupAsync(settings, groupId, s.Config.Cluster.DbPort, ct), () => api.WorkgroupAsync(settings.Workgroup, ct));
        else Keep(s, result, $"workgroup {settings.Workgroup}", wg.Status);
        if (wg.Status == "DELETING")
            throw new PipelineException($"workgroup {settings.Workgroup} is being deleted; run Provision again once it is gone (Status shows it)");
        state.WorkgroupArn = wg.Arn;
        state.CreatedAt ??= wg.CreatedAt ?? s.Clock.Now();
        s.State.Save(state);
        await Waiter.UntilAsync(ServerlessWaits.WorkgroupAvailable(timeout), $"workgroup {settings.Workgroup}",
            c => api.WorkgroupStatusAsync(settings.Workgroup, c), s.Log, s.Clock, OnTimeout, ct);
        var available = await api.WorkgroupAsync(settings.Workgroup, ct)
                        ?? throw new PipelineException($"workgroup {settings.Workgroup} disappeared right after becoming available; run Provision again");

        await EnsureUsageLimitAsync(s, state, available.Arn, result, ct);
        state.Endpoint = result.Endpoint = available.Address;
        state.Port = available.Port ?? s.Config.Cluster.DbPort;
        state.DbName = s.Config.Cluster.DbName;
        s.State.Save(state);
        result.ClusterId = settings.Workgroup;
        return available;
    }

    const string OnTimeout = "raise [CLUSTER] available_timeout_minutes or run Provision again later: it resumes where it stopped";

    /// One serverless-compute limit of max_rpu_hours per period, breach action deactivate; a different one is replaced.
    static async Task EnsureUsageLimitAsync(AwsSession s, DwhState state, string workgroupArn, ProvisionResult result, CancellationToken ct)
    {
        var settings = s.Config.Serverless;
        var limits = await s.Serverless.UsageLimitsAsync(workgroupArn, ct);
        var wanted = limits.FirstOrDefault(l => l.Amount == settings.MaxRpuHours && l.Period == settings.Period && l.BreachAction == "deactivate");
        foreach (var other in limits.Where(l => l != wanted))
        {
            await s.Serverless.DeleteUsageLimitAsync(other.Id, ct);
            s.Log.Information($"Usage limit {other.Id} ({other.Amount} RPU-hours {other.Period}, {other.BreachAction}) replaced: the setting changed");
        }
        var what = $"usage limit {settings.MaxRpuHours} RPU-hours {settings.Period}";
        if (wanted is null)
        {
            wanted = await s.Serverless.CreateUsageLimitAsync(workgroupArn, settings, ct);
            result.Created.Add(what);
            s.Log.Information($"Usage limit: queries stop after {settings.MaxRpuHours} RPU-hours {settings.Period} (breach action deactivate)");
        }
        else result.Kept.Add(what);
        state.UsageLimitId = wanted.Id;
        s.State.Save(state);
    }

    /// Creates it; a ConflictException means another run made it first, so it is read and kept.
    static async Task<T> Create<T>(string what, ProvisionResult result, AwsSession s, Func<Task<T>> create, Func<Task<T?>> read) where T : class
    {
        try
        {
            var made = await create();
            result.Created.Add(what);
            s.Log.Information($"Redshift Serverless {what} requested");
            return made;
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ConflictException")
        {
            var found = await read() ?? throw new PipelineException($"{what} exists (ConflictException) but cannot be read: {e.Message}");
            result.Kept.Add(what);
            return found;
        }
    }

    static void Keep(AwsSession s, ProvisionResult result, string what, string status)
    {
        result.Kept.Add(what);
        s.Log.Information($"Redshift Serverless {what} exists ({status}), reused");
    }
}
