using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// The aws profile: AWS's own endpoints (or [AWS] endpoint) with the SDK's default credentials, the Redshift cluster
/// Provision recorded in the state file, and the [S3] sources as written.
public sealed class AwsPlatform : Platform
{
    public override Profile Profile => Profile.Aws;

    public override bool ClusterCosts => true;

    public override int ClusterPort(DwhConfig config) => config.Cluster.DbPort;

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

    public override Task<IReadOnlyList<LoadResult>> StageAsync(Run run, CopyOptions options) => StageCopy.ServerSideAsync(run, options);

    public override Lineage.DatasetNames Datasets(Run run)
    {
        var (c, state) = (run.Config, run.State.Load());
        return Lineage.DatasetNames.Redshift(c.S3, state.ClusterId ?? c.Cluster.Identifier, c.Aws.Region, state.Port ?? c.Cluster.DbPort,
            state.DbName ?? c.Cluster.DbName);
    }

    // The master user does both: the role and its grants.
    public override async Task GrantReaderAsync(Run run, Npgsql.NpgsqlConnection owner, string password)
    {
        var exists = await WarehouseRoles.ExistsAsync(owner, run.Sql, Dialect.Redshift, WarehouseRoles.Reader, run.Ct);
        foreach (var statement in WarehouseRoles.ReaderStatements(run.Sql, Dialect.Redshift, exists, password))
            await Statement.ExecuteAsync(owner, statement, run.Ct);
    }

    public override Task<string> DefaultIngressCidrAsync(Func<CancellationToken, Task<string>> publicIpSource, CancellationToken ct) =>
        PublicIp.DetectCidrAsync(publicIpSource, ct);

    public override Task TearDownControlPlaneAsync(Run run, Func<Task> awsPart) => awsPart();

    public override Task TearDownServicesAsync(Run run) => Task.CompletedTask;

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
