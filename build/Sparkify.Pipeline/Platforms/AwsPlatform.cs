using Npgsql;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Aws.Serverless;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Lineage;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// The aws profile: AWS's own endpoints (or [AWS] endpoint) with the SDK's default credentials, the Redshift cluster
/// Provision recorded in the state file, and the [S3] sources as written.
public sealed class AwsPlatform(DwhConfig config, StateFile state, SqlFiles sql, PipelineLog log) : Platform(config, state, sql)
{
    public override Profile Profile => Profile.Aws;

    public override Task<AwsContext> ControlPlaneAsync(CancellationToken ct) =>
        Task.FromResult(new AwsContext(Config.Aws.Region, Config.Aws.Endpoint, null) { ServerlessUrl = Config.Aws.ServerlessEndpoint });

    public override bool ControlPlaneStopped() => false;

    public override Task<WarehouseEndpoint> WarehouseAsync(CancellationToken ct) => RedshiftFromAsync(State.Load(), ct);

    // Redshift's roles and grants are made by CreateTables under the writer lock; reaching the cluster changes nothing.
    protected override Task<WarehouseEndpoint> WarehouseWithoutSetupAsync(CancellationToken ct) => WarehouseAsync(ct);

    public override async Task<WarehouseEndpoint?> RunningWarehouseAsync(CancellationToken ct)
    {
        var recorded = State.Load();
        return recorded.Endpoint is null ? null : await RedshiftFromAsync(recorded, ct);
    }

    public override string StagingSource(S3Location source) => source.ToString();

    public override DatasetNames Datasets()
    {
        var (c, recorded) = (Config, State.Load());
        var warehouse = IsServerless(c, recorded) ? recorded.Workgroup ?? c.Serverless.Workgroup : recorded.ClusterId ?? c.Cluster.Identifier;
        return DatasetNames.Redshift(c.S3, warehouse, c.Aws.Region, recorded.Port ?? c.Cluster.DbPort,
            recorded.DbName ?? c.Cluster.DbName);
    }

    // The master user does both: the role and its grants.
    protected override async Task GrantReaderAsync(NpgsqlConnection owner, string password, CancellationToken ct)
    {
        var exists = await WarehouseRoles.ExistsAsync(owner, Sql, Dialect.Redshift, WarehouseRoles.Reader, ct);
        foreach (var statement in WarehouseRoles.ReaderStatements(Sql, Dialect.Redshift, exists, password))
            await Statement.ExecuteAsync(owner, statement, ct);
    }

    /// The system views a COPY's outcome is read from: a provisioned cluster Provision makes is single-AZ, so STL
    /// (the raw line) exists there; a shape without STL (Serverless, Multi-AZ) answers SysOnly.
    public static LoadViews LoadViewsOf(DwhConfig config, DwhState recorded) =>
        IsServerless(config, recorded) ? LoadViews.SysOnly : LoadViews.SysWithStlRawLine;

    public override Task TearDownControlPlaneAsync(Func<Task> awsPart) => awsPart();

    public override Task TearDownServicesAsync(CancellationToken ct) => Task.CompletedTask;

    /// What Provision recorded decides; before any Provision, [CLUSTER] kind does.
    public static bool IsServerless(DwhConfig config, DwhState recorded) =>
        recorded.Kind is { } kind ? kind == "serverless" : config.Cluster.Kind == WarehouseKind.Serverless;

    /// Redshift Serverless: the endpoint from GetWorkgroup and a login from GetCredentials, both fetched now.
    async Task<WarehouseEndpoint> ServerlessAsync(DwhState recorded, CancellationToken ct)
    {
        var aws = await ControlPlaneAsync(ct);
        using var api = new ServerlessApi(ServerlessApi.EndpointFor(aws), aws, RetrySpec.Standard);
        var dbName = recorded.DbName ?? Config.Cluster.DbName;
        var login = await ServerlessLogin.FetchAsync(new RedshiftServerless(api), aws, recorded.Workgroup ?? Config.Serverless.Workgroup,
            dbName, log, ct);
        return new WarehouseEndpoint(Dialect.Redshift, login.Address, login.Port, dbName, login.Credentials.User, login.Credentials.Password)
        {
            ConnectTimeoutSeconds = Config.Cluster.ConnectTimeoutSeconds,
        };
    }

    /// [CLUSTER] auth = iam: a temporary login fetched per run; auth = password: DWH_DB_PASSWORD or the state file's.
    async Task<WarehouseEndpoint> RedshiftFromAsync(DwhState recorded, CancellationToken ct)
    {
        if (IsServerless(Config, recorded)) return await ServerlessAsync(recorded, ct);
        if (recorded.Endpoint is null || recorded.Port is null)
            throw new PipelineException($"no Redshift endpoint in {State.Path}; run ./build.sh Provision --profile=aws first");
        var cluster = Config.Cluster;
        if (cluster.Auth != ClusterAuth.Password)
        {
            var login = await ClusterLogin.TemporaryAsync(await ControlPlaneAsync(ct), cluster, recorded, log, ct);
            return new WarehouseEndpoint(Dialect.Redshift, recorded.Endpoint, recorded.Port.Value, recorded.DbName ?? cluster.DbName,
                login.User, login.Current.Password)
            {
                ConnectTimeoutSeconds = cluster.ConnectTimeoutSeconds, CommandTimeoutSeconds = cluster.CommandTimeoutSeconds,
                PasswordProvider = login.PasswordAsync,
            };
        }
        var password = Environment.GetEnvironmentVariable("DWH_DB_PASSWORD") is { Length: > 0 } fromEnv ? fromEnv : recorded.DbPassword;
        if (password is null)
            throw new PipelineException($"no database password: set DWH_DB_PASSWORD or run ./build.sh Provision --profile=aws (it keeps one in {State.Path})");
        Redact.Register(password);
        return new WarehouseEndpoint(Dialect.Redshift, recorded.Endpoint, recorded.Port.Value,
            recorded.DbName ?? cluster.DbName, recorded.DbUser ?? cluster.DbUser, password)
        {
            ConnectTimeoutSeconds = cluster.ConnectTimeoutSeconds, CommandTimeoutSeconds = cluster.CommandTimeoutSeconds,
        };
    }
}
