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

    public override Task<WarehouseEndpoint> WarehouseAsync(Run run) => Task.FromResult(RedshiftFrom(run, run.State.Load()));

    public override Task<WarehouseEndpoint?> ReachableWarehouseAsync(Run run)
    {
        var state = run.State.Load();
        return Task.FromResult(state.Endpoint is null ? null : (WarehouseEndpoint?)RedshiftFrom(run, state));
    }

    public override string StagingSource(Run run, S3Location source) => source.ToString();

    static WarehouseEndpoint RedshiftFrom(Run run, DwhState state)
    {
        if (state.Endpoint is null || state.Port is null)
            throw new PipelineException($"no Redshift endpoint in {run.State.Path}; run ./build.sh Provision --profile=aws first");
        var password = Environment.GetEnvironmentVariable("DWH_DB_PASSWORD") is { Length: > 0 } fromEnv ? fromEnv : state.DbPassword;
        if (password is null)
            throw new PipelineException($"no database password: set DWH_DB_PASSWORD or run ./build.sh Provision --profile=aws (it keeps one in {run.State.Path})");
        Redact.Register(password);
        return new WarehouseEndpoint(Dialect.Redshift, state.Endpoint, state.Port.Value,
            state.DbName ?? run.Config.Cluster.DbName, state.DbUser ?? run.Config.Cluster.DbUser, password);
    }
}
