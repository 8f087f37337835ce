using Amazon.S3;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Plan's view of the next StageCopy on the local profile: for each staging table, the objects listed in the [LOCAL]
/// bucket as it is now and what a load would do to them against the load ledger (LoadPrelude.PreviewAsync, the
/// loader's own comparison; nothing is written). Before the first upload, or with the warehouse stopped, it says the
/// counts are not known rather than guess; the upload of a changed --sample happens at StageCopy, after this.
/// </summary>
public static class PlanLoads
{
    public static async Task<IReadOnlyList<string>> LocalAsync(Run run, AwsContext aws)
    {
        if (run.Profile != Profile.Local) return [];
        var bucket = run.Config.Local.Bucket;
        var options = CopyOptions.FromConfig(run.Config);
        var s3 = run.Config.S3;
        var copies = StagingCopies.For(run.Platform.StagingSource(s3.LogData), run.Platform.StagingSource(s3.LogJsonPath),
            run.Platform.StagingSource(s3.SongData), options, run.Window);
        if (!await BucketExistsAsync(aws, options.Region, bucket, run.Ct))
            return copies.Select(c => $"{c.Table}: objects not known before the upload (s3://{bucket} does not exist yet)").ToList();
        if (await run.Platform.RunningWarehouseAsync(run.Ct) is not { } warehouse)
            return copies.Select(c => $"{c.Table}: objects not known (the warehouse is not running; Plan starts nothing)").ToList();
        var context = new LoadContext(run.Sql, run.Log, run.Id, aws.S3) { SkipUpToDate = !run.Args.Flag(CommandLine.Options.Force) };
        var lines = new List<string>();
        foreach (var copy in copies)
        {
            try
            {
                var (listed, counts) = await LoadPrelude.PreviewAsync(warehouse, copy, context, run.Ct);
                lines.Add($"{copy.Table}: {listed:N0} objects in {copy.From} now" + (counts is null ? "" : $": {counts}") +
                          " (StageCopy first uploads what changed in the sample)");
            }
            catch (PipelineException e)
            {
                lines.Add($"{copy.Table}: objects not known before the upload ({e.Message})");
            }
        }
        return lines;
    }

    static async Task<bool> BucketExistsAsync(AwsContext aws, string? region, string bucket, CancellationToken ct)
    {
        using var s3 = aws.S3(region);
        try
        {
            await s3.GetBucketLocationAsync(bucket, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
