using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// [CLUSTER] auth = iam or iam_identity: the run's database login, fetched from Redshift once per run and kept in
/// memory only (never in the state file, the log or an error: the password is registered for redaction).
/// </summary>
public static class ClusterLogin
{
    public static async Task<DbCredentials> TemporaryAsync(AwsContext aws, ClusterSettings cluster, DwhState state, PipelineLog log,
        CancellationToken ct)
    {
        using var api = new QueryApi(QueryEndpoint.Redshift(aws), aws, RetrySpec.Standard);
        var id = state.ClusterId ?? cluster.Identifier;
        var request = Request(cluster, id, state.DbName ?? cluster.DbName, state.DbUser);
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
