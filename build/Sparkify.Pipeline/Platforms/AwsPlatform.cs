using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// The aws profile: AWS's own endpoints (or [AWS] endpoint) with the SDK's default credentials, the Redshift cluster
/// Provision recorded in the state file, and the [S3] sources as written.
public sealed class AwsPlatform : Platform
{
    public override Profile Profile => Profile.Aws;

    public override Task<AwsContext> ControlPlaneAsync(Run run) =>
        Task.FromResult(new AwsContext(run.Config.Aws.Region, run.Config.Aws.Endpoint, null));

    public override bool ControlPlaneStopped(Run run) => false;

    public override Task<WarehouseEndpoint> WarehouseAsync(Run run) => RedshiftFromAsync(run, run.State.Load());

    // Redshift's roles and grants are made by CreateTables under the writer lock; reaching the cluster changes nothing.
    public override Task<WarehouseEndpoint> ReadableWarehouseAsync(Run run) => WarehouseAsync(run);

    public override async Task<WarehouseEndpoint?> ReachableWarehouseAsync(Run run)
    {
        var state = run.State.Load();
        return state.Endpoint is null ? null : await RedshiftFromAsync(run, state);
    }

    public override string StagingSource(Run run, S3Location source) => source.ToString();

    /// [CLUSTER] auth = iam: a temporary login fetched per run; auth = password: DWH_DB_PASSWORD or the state file's.
    static async Task<WarehouseEndpoint> RedshiftFromAsync(Run run, DwhState state)
    {
        if (state.Endpoint is null || state.Port is null)
            throw new PipelineException($"no Redshift endpoint in {run.State.Path}; run ./build.sh Provision --profile=aws first");
        var cluster = run.Config.Cluster;
        if (cluster.Auth != ClusterAuth.Password)
        {
            var login = await ClusterLogin.TemporaryAsync(run, state);
            return new WarehouseEndpoint(Dialect.Redshift, state.Endpoint, state.Port.Value, state.DbName ?? cluster.DbName,
                login.User, login.Password) { ConnectTimeoutSeconds = cluster.ConnectTimeoutSeconds };
        }
        var password = Environment.GetEnvironmentVariable("DWH_DB_PASSWORD") is { Length: > 0 } fromEnv ? fromEnv : state.DbPassword;
        if (password is null)
            throw new PipelineException($"no database password: set DWH_DB_PASSWORD or run ./build.sh Provision --profile=aws (it keeps one in {run.State.Path})");
        Redact.Register(password);
        return new WarehouseEndpoint(Dialect.Redshift, state.Endpoint, state.Port.Value,
            state.DbName ?? cluster.DbName, state.DbUser ?? cluster.DbUser, password) { ConnectTimeoutSeconds = cluster.ConnectTimeoutSeconds };
    }
}
