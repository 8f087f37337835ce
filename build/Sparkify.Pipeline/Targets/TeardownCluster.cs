using Amazon.Runtime;
using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Targets;

/// Teardown's first step: delete the cluster and wait until it is gone. A cluster still being created or modified
/// cannot be deleted yet (InvalidClusterState), so Teardown waits for it to settle, then deletes it.
public static class TeardownCluster
{
    public static async Task RunAsync(AwsSession s, string id, string? finalSnapshot, TeardownResult result, CancellationToken ct)
    {
        var cluster = await s.Redshift.DescribeAsync(id, ct);
        if (cluster is null)
        {
            TeardownAws.Gone(s, result, $"cluster {id}");
            return;
        }
        var timeout = TimeSpan.FromMinutes(s.Config.Cluster.AvailableTimeoutMinutes);
        if (cluster.Status != "deleting")
        {
            try
            {
                await DeleteAsync(s, id, finalSnapshot, ct);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "ClusterNotFound")
            {
                TeardownAws.Gone(s, result, $"cluster {id}");
                return;
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "InvalidClusterState")
            {
                s.Log.Information($"Redshift cluster {id} is '{cluster.Status}' and cannot be deleted yet; waiting for it to settle");
                await Waiter.UntilAsync(WaitSpec.ClusterAvailable(timeout), $"cluster {id}", c => s.Redshift.StatusAsync(id, c), s.Log,
                    s.Clock, "run Teardown again later", ct);
                await DeleteAsync(s, id, finalSnapshot, ct);
            }
        }
        await Waiter.UntilAsync(WaitSpec.ClusterDeleted(timeout), $"cluster {id}", c => s.Redshift.StatusAsync(id, c), s.Log, s.Clock,
            "run Teardown again later: it picks up where it stopped", ct);
        result.Removed.Add($"cluster {id}");
    }

    static async Task DeleteAsync(AwsSession s, string id, string? finalSnapshot, CancellationToken ct)
    {
        await s.Redshift.DeleteAsync(id, finalSnapshot, ct);
        s.Log.Information($"Redshift cluster {id}: deletion requested" +
                          (finalSnapshot is null ? " (no final snapshot)" : $", final snapshot {finalSnapshot}"));
    }
}
