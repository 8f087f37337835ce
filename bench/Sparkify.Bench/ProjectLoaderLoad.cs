using Sparkify.Pipeline;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// (a) and (d): the project's client-side COPY loader (ClientCopy, as StageCopy runs it, with dwh.cfg's [LOAD]
/// options), from the local directory and from the local S3 (moto; the upload is setup, not timed).
/// </summary>
public sealed class ProjectLoaderLoad : ILoadMethod
{
    readonly SqlFiles _sql;
    readonly CopyOptions _options;
    readonly BenchServices? _s3;
    AwsContext? _aws;
    string? _s3Root;

    ProjectLoaderLoad(string key, SqlFiles sql, CopyOptions options, BenchServices? s3)
    {
        Key = key;
        _sql = sql;
        _options = options;
        _s3 = s3;
    }

    public string Key { get; }
    public string Name => _s3 is null ? "project loader, local directory" : "project loader, local S3 (moto)";

    public static ProjectLoaderLoad FromDirectory(SqlFiles sql, string root) => new("a", sql, Options(root), null);

    public static ProjectLoaderLoad FromS3(SqlFiles sql, string root, BenchServices services) => new("d", sql, Options(root), services);

    public async Task PrepareAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct)
    {
        if (_s3 is not null) (_aws, _s3Root) = await _s3.S3WithSampleAsync(sample, ct);
    }

    public async Task<LoadOutcome> LoadAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct)
    {
        var root = _s3Root ?? sample;
        var context = new LoadContext(_sql, new PipelineLog(TextWriter.Null), $"bench-{Guid.NewGuid():N}"[..25], _aws is null ? null : _aws.S3);
        var phases = new LoadPhases(0, 0, 0, 0, 0);
        foreach (var copy in StagingCopies.Under(root, _options))
            phases += (await ClientCopy.RunAsync(warehouse, copy, context, ct)).Phases ?? phases with { List = 0, Read = 0, Parse = 0, Write = 0, Analyze = 0 };
        // Where the loader's time went, both tables together (ClientCopy's phases; read and parse summed over its threads).
        return new LoadOutcome(Note: $"list {phases.List:F2}, read {phases.Read:F2}, parse {phases.Parse:F2}, write {phases.Write:F2}, analyze {phases.Analyze:F2} s");
    }

    /// The [LOAD] options of the checkout's dwh.cfg (environment overrides apply), with the local S3's region.
    public static CopyOptions Options(string root)
    {
        var config = DwhConfig.FromFile(Path.Combine(root, "dwh.cfg"), Environment.GetEnvironmentVariables(), []);
        return CopyOptions.FromConfig(config) with { Region = BenchServices.Region };
    }
}
