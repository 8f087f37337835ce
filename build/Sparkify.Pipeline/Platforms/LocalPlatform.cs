using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// The local profile: moto on [LOCAL] moto_port plays AWS, a throwaway PostgreSQL is the warehouse, and the [S3]
/// sources are read from the [LOCAL] bucket on moto under the same key layout as the public one.
public sealed class LocalPlatform : Platform
{
    public override Profile Profile => Profile.Local;

    public override async Task<AwsContext> ControlPlaneAsync(Run run) =>
        AwsContext.ForMoto(await run.Local.MotoEndpointAsync(run.Ct), run.Config.Aws.Region);

    // moto keeps everything in memory: when it is not running, it holds no role, cluster or rule.
    public override bool ControlPlaneStopped(Run run) => !Ports.IsListening(run.Config.Local.MotoPort);

    public override Task<WarehouseEndpoint> WarehouseAsync(Run run) => run.Local.WarehouseAsync(run.Ct);

    public override Task<WarehouseEndpoint> ReadableWarehouseAsync(Run run) => run.Local.ReadableWarehouseAsync(run.Ct);

    // Not the run's token: a cancelled run still counts its rows for the summary.
    public override Task<WarehouseEndpoint?> ReachableWarehouseAsync(Run run) => run.Local.RunningWarehouseAsync(CancellationToken.None);

    /// The [S3] key under the local bucket: the same layout as the public one.
    public override string StagingSource(Run run, S3Location source) => $"s3://{run.Config.Local.Bucket}/{source.Prefix}";
}
