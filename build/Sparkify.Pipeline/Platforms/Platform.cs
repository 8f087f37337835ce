using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// <summary>
/// What a profile means, in one place: where the control plane is, which warehouse a run works on, where the staging
/// data is read from. Built once in Run.Create: <see cref="LocalPlatform"/> (moto + a throwaway PostgreSQL) or
/// <see cref="AwsPlatform"/> (real AWS and Redshift).
/// </summary>
public abstract class Platform
{
    public abstract Profile Profile { get; }

    /// Where AWS calls go; the local profile starts (or reuses) moto.
    public abstract Task<AwsContext> ControlPlaneAsync(Run run);

    /// True when the control plane is known to hold nothing now (the local moto is not running), without starting it.
    public abstract bool ControlPlaneStopped(Run run);

    /// The warehouse to work on, started when needed.
    public abstract Task<WarehouseEndpoint> WarehouseAsync(Run run);

    /// The warehouse's address for a run that only reads (the owner's credentials; readers swap in the read-only role):
    /// started when needed, with no role, grant or database set-up.
    public abstract Task<WarehouseEndpoint> ReadableWarehouseAsync(Run run);

    /// The warehouse if it is up now, without starting anything.
    public abstract Task<WarehouseEndpoint?> ReachableWarehouseAsync(Run run);

    /// The address StageCopy reads an [S3] source from.
    public abstract string StagingSource(Run run, S3Location source);

    public static Platform For(Profile profile) => profile == Profile.Local ? new LocalPlatform() : new AwsPlatform();
}
