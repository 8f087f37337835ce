using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// [CLUSTER] auth = iam or iam_identity: the run's database login, fetched from Redshift when the run first needs the
/// warehouse and again before it expires, kept in memory only (never in the state file, the log or an error: the
/// password is registered for redaction).
/// </summary>
public static class ClusterLogin
{
    /// The run's login; new connections renew it before it expires (<see cref="TemporaryLogin"/>).
    public static async Task<TemporaryLogin> TemporaryAsync(AwsContext aws, ClusterSettings cluster, DwhState state, PipelineLog log,
        CancellationToken ct)
    {
        // Kept for renewals during the run: one client, disposed with the process.
        var api = new QueryApi(QueryEndpoint.Redshift(aws), aws, RetrySpec.Standard);
        var id = state.ClusterId ?? cluster.Identifier;
        var request = Request(cluster, id, state.DbName ?? cluster.DbName, state.DbUser);
        return await TemporaryLogin.StartAsync(c => FetchAsync(api, aws, id, request, log, c), () => DateTimeOffset.UtcNow, ct);
    }

    /// One GetClusterCredentials(WithIAM) call, its failures named for the user.
    public static async Task<DbCredentials> FetchAsync(QueryApi api, AwsContext aws, string id, QueryRequest request, PipelineLog log,
        CancellationToken ct)
    {
        var login = await AwsStep.RunAsync(aws, $"temporary database credentials for cluster {id} ({request.Action})",
            "[CLUSTER] auth and identifier, and that your IAM identity may call redshift:" + request.Action + " (docs/aws.md)",
            () => new Redshift(api).CredentialsAsync(request, ct));
        log.Information($"Warehouse login: {login} from {request.Action}");
        return login;
    }

    /// The request for this [CLUSTER] auth: GetClusterCredentials for db_user, or GetClusterCredentialsWithIAM.
    public static QueryRequest Request(ClusterSettings cluster, string id, string dbName, string? recordedUser) =>
        cluster.Auth == ClusterAuth.IamIdentity
            ? Redshift.GetClusterCredentialsWithIam(id, dbName)
            : Redshift.GetClusterCredentials(id, recordedUser ?? cluster.DbUser, dbName);
}
