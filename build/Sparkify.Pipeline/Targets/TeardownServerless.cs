using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Aws.Serverless;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Teardown's warehouse step for Redshift Serverless, in the safe order: the workgroup's usage limits, the workgroup
/// (deleted and gone: a namespace with a workgroup cannot be deleted), then the namespace (with a final snapshot when
/// one is named) and gone. Names come from the state file, else [SERVERLESS]; anything already gone is skipped.
/// </summary>
public static class TeardownServerless
{
    public static async Task RunAsync(AwsSession s, DwhState state, string? finalSnapshot, TeardownResult result, CancellationToken ct)
    {
        var api = s.Serverless;
        var workgroup = state.Workgroup ?? s.Config.Serverless.Workgroup;
        var ns = state.Namespace ?? s.Config.Serverless.Namespace;
        var timeout = TimeSpan.FromMinutes(s.Config.Cluster.AvailableTimeoutMinutes);

        var wg = await api.WorkgroupAsync(workgroup, ct);
        if (wg is null)
        {
            TeardownAws.Gone(s, result, $"workgroup {workgroup}");
            if (state.UsageLimitId is { } id && await api.DeleteUsageLimitAsync(id, ct)) result.Removed.Add($"usage limit {id}");
        }
        else
        {
            foreach (var limit in await api.UsageLimitsAsync(wg.Arn, ct))
                if (await api.DeleteUsageLimitAsync(limit.Id, ct))
                {
                    result.Removed.Add($"usage limit {limit.Id}");
                    s.Log.Information($"Usage limit {limit.Id} ({limit.Amount} RPU-hours {limit.Period}) deleted");
                }
            await DeleteAsync(s, $"workgroup {workgroup}", wg.Status, c => api.WorkgroupStatusAsync(workgroup, c),
                c => api.DeleteWorkgroupAsync(workgroup, c), timeout, result, ct);
        }
        state.UsageLimitId = state.WorkgroupArn = state.Workgroup = null;
        state.Endpoint = null;
        state.Port = null;
        s.State.Save(state);

        var found = await api.NamespaceAsync(ns, ct);
        if (found is null) TeardownAws.Gone(s, result, $"namespace {ns}");
        else
        {
            await DeleteAsync(s, $"namespace {ns}", found.Status, c => api.NamespaceStatusAsync(ns, c),
                c => api.DeleteNamespaceAsync(ns, finalSnapshot, c), timeout, result, ct);
            if (finalSnapshot is not null) s.Log.Information($"namespace {ns}: final snapshot {finalSnapshot} kept (delete it in the console when no longer needed)");
        }
        state.Namespace = state.Kind = state.DbName = null;
        s.State.Save(state);
    }

    /// Requests the deletion unless it is under way, waits for a busy resource to settle first (ConflictException),
    /// then waits until it is gone.
    static async Task DeleteAsync(AwsSession s, string what, string status, Func<CancellationToken, Task<string>> poll,
        Func<CancellationToken, Task<bool>> delete, TimeSpan timeout, TeardownResult result, CancellationToken ct)
    {
        if (status != "DELETING")
        {
            try
            {
                if (!await delete(ct))
                {
                    TeardownAws.Gone(s, result, what);
                    return;
                }
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "ConflictException")
            {
                s.Log.Information($"{what} is '{status}' and cannot be deleted yet ({e.Message}); waiting for it to settle");
                await Waiter.UntilAsync(ServerlessWaits.WorkgroupAvailable(timeout), what, poll, s.Log, s.Clock, "run Teardown again later", ct);
                await delete(ct);
            }
            s.Log.Information($"Redshift Serverless {what}: deletion requested");
        }
        await Waiter.UntilAsync(ServerlessWaits.Deleted(timeout), what, poll, s.Log, s.Clock,
            "run Teardown again later: it picks up where it stopped", ct);
        result.Removed.Add(what);
    }
}
