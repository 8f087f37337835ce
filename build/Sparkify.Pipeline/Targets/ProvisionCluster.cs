using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Targets;

/// Provision's cluster step: reuse the cluster of that name or create it (after printing its cost), then wait for it.
public static class ProvisionCluster
{
    public static async Task<ClusterInfo> EnsureAsync(AwsSession s, DwhState state, string groupId, ProvisionResult result, CancellationToken ct)
    {
        var settings = s.Config.Cluster;
        var id = settings.Identifier;
        var cluster = await s.Redshift.DescribeAsync(id, ct);
        if (cluster is null)
        {
            if (s.ClusterCosts) s.Log.Information($"Cost estimate: {s.Prices.Describe(s.Aws.Region, settings.NodeType, settings.NumNodes)}");
            // auth = iam: AWS generates and keeps the master password; nothing is generated or stored here.
            var password = settings.Auth == Config.ClusterAuth.Password ? MasterPassword(s, state) : null;
            try
            {
                cluster = await s.Redshift.CreateAsync(new ClusterRequest(settings with { DbPort = s.ClusterPort }, state.RoleArn!, groupId, password), ct);
                result.Created.Add($"cluster {id}");
                s.Log.Information($"Redshift cluster {id} ({settings.NumNodes} x {settings.NodeType}) requested");
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "ClusterAlreadyExists")
            {
                cluster = await s.Redshift.DescribeAsync(id, ct);
            }
            state.CreatedAt = cluster?.CreatedAt ?? DateTimeOffset.UtcNow;
        }
        if (!result.Created.Contains($"cluster {id}"))
        {
            if (cluster?.Status is "deleting" or "final-snapshot")
                throw new PipelineException($"cluster {id} is being deleted; run Provision again once it is gone (Status shows it)");
            result.Kept.Add($"cluster {id}");
            s.Log.Information($"Redshift cluster {id} exists ({cluster?.Status}), reused");
            if (cluster is not null && state.RoleArn is { } role && !cluster.IamRoleArns.Contains(role))
                s.Log.Warning($"cluster {id} does not have the role {role}; COPY from S3 will fail until it is added " +
                              "(aws redshift modify-cluster-iam-roles)");
            state.CreatedAt ??= cluster?.CreatedAt;
        }
        state.ClusterId = id;
        s.State.Save(state);

        var wait = WaitSpec.ClusterAvailable(TimeSpan.FromMinutes(settings.AvailableTimeoutMinutes));
        await Waiter.UntilAsync(wait, $"cluster {id}", c => s.Redshift.StatusAsync(id, c), s.Log, s.Clock,
            "raise [CLUSTER] available_timeout_minutes or run Provision again later: it resumes where it stopped", ct);
        var available = await s.Redshift.DescribeAsync(id, ct)
                        ?? throw new PipelineException($"cluster {id} disappeared right after becoming available; run Provision again");
        state.Endpoint = result.Endpoint = available.Address;
        state.Port = available.Port ?? s.ClusterPort;
        state.DbName = settings.DbName;
        state.DbUser = settings.DbUser;
        s.State.Save(state);
        result.ClusterId = id;
        return available;
    }

    /// DWH_DB_PASSWORD, else the one kept from an earlier attempt, else a new one; saved before CreateCluster so a
    /// crash right after it still leaves the password of the cluster being created in the state file.
    static string MasterPassword(AwsSession s, DwhState state)
    {
        if (s.PasswordFromEnvironment is { } fromEnv)
        {
            Redact.Register(fromEnv);
            if (!Passwords.MeetsRedshiftRules(fromEnv))
                throw new PipelineException("DWH_DB_PASSWORD does not meet Redshift's password rules (8-64 printable ASCII " +
                                            "characters with an upper-case letter, a lower-case letter and a digit; none of ' \" \\ / @ or space)");
            return fromEnv;
        }
        if (state.DbPassword is null)
        {
            state.DbPassword = Passwords.New();
            s.State.Save(state);
        }
        return state.DbPassword;
    }
}
