using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Generation;
using Npgsql;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Modeling;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Loads staging_events (JSONPaths) and staging_songs ('auto') from S3. local profile: first puts the sample
/// (--sample=DIR, else a generated one in .local/sample) into the [LOCAL] bucket on moto under the public key layout
/// (only what changed, by MD5), then loads it with the client-side COPY loader, listing from that bucket and reading
/// each listed object from its uploaded file when the ETag says the bytes are the same. aws profile: Redshift's own COPY with the role Provision made.
/// </summary>
public static class StageCopy
{
    /// Loads both staging tables; each is all-or-nothing.
    public static Task<IReadOnlyList<LoadResult>> ExecuteAsync(Run run) => run.Boundary("StageCopy", async () =>
    {
        var options = CopyOptions.FromConfig(run.Config);
        var results = run.Profile == Profile.Local ? await ClientSideAsync(run, options) : await ServerSideAsync(run, options);
        LoadReport.Log(run.Log, results);
        return results;
    });

    /// local profile: the sample into the [LOCAL] bucket, then the client-side COPY loader.
    static async Task<IReadOnlyList<LoadResult>> ClientSideAsync(Run run, CopyOptions options)
    {
        var aws = await run.Platform.ControlPlaneAsync(run.Ct);
        var bucket = run.Config.Local.Bucket;
        var sample = run.Args.Value(Options.Sample) is { } dir ? Path.GetFullPath(Path.Combine(run.Root, dir)) : await GeneratedSampleAsync(run);
        SampleUploadResult upload;
        using (var s3 = aws.S3(options.Region))
            upload = await SampleUpload.EnsureAsync(s3, bucket, options.Region ?? run.Config.Aws.Region, sample, bulk: true,
                Md5Cache.At(Path.Combine(run.Local.Folder, Md5Cache.FileName)), run.Ct);
        run.Log.Information($"Sample {sample} in s3://{bucket}: {upload.Uploaded} objects uploaded, {upload.Kept} already there (by MD5)" +
                            (upload.Removed > 0 ? $", {upload.Removed} of another sample removed" : "") + $", in {upload.Seconds:0.0} s " +
                            $"({upload.Hashed} files hashed, {upload.FromCache} MD5s from the cache{(upload.CacheIgnored ? ", an untrusted cache file ignored" : "")}; " +
                            $"{UploadSteps.Line(upload.Steps)})");
        if (upload.Foreign > 0)
            run.Log.Warning($"s3://{bucket} holds {upload.Foreign} objects under the sample's prefixes that the pipeline did not put there; " +
                            "they are left in place and load as data (prefix matching): delete them, or ./build.sh Teardown for a fresh bucket");
        PausePoint.Reach("stagecopy:after:upload", run.Ct);
        var s3Config = run.Config.S3;
        var copies = StagingCopies.For(run.Platform.StagingSource(s3Config.LogData), run.Platform.StagingSource(s3Config.LogJsonPath),
            run.Platform.StagingSource(s3Config.SongData), options, run.Window);
        var warehouse = await run.WarehouseAsync();
        var results = new List<LoadResult>();
        await using var printer = new ProgressPrinter(run.Log, ProgressPrinter.Terminal());
        var context = new LoadContext(run.Sql, run.Log, run.Id, aws.S3)
        {
            OnStart = printer.Watch, Mirror = upload.Mirror, Listing = upload.Listing, BeforeCommit = RecordScope(run),
            WrittenWith = copy => RecordsScope(copy) ? [StagingScope.Table] : [], SkipUpToDate = !run.Args.Flag(Options.Force),
        };
        try
        {
            foreach (var copy in copies)
            {
                if (results.Count > 0) PausePoint.Reach("stagecopy:between:tables", run.Ct);
                run.Log.Information($"Executing COPY into {copy.Table} from {copy.From}" + (copy.Window is { } w ? $" (days {w})" : ""));
                results.Add(await ClientCopy.RunAsync(warehouse, copy, context, run.Ct));
            }
        }
        finally
        {
            run.Summary.Set("loads", LoadReport.Loads(results));
            var phases = StageTimings.Of(upload.Seconds, results, upload.Mirror);
            run.Summary.Set("stage_phases", phases);
            run.Log.Information(StageTimings.Line(phases));
            var loadedBy = results.Select(r => r.UpToDateSince).OfType<string>().Prepend(context.RunId);
            run.Summary.Set("load_errors", await LoadReport.ErrorsAsync(warehouse, run.Sql, loadedBy, CancellationToken.None));
        }
        return results;
    }

    /// aws profile: Redshift's own COPY with the role Provision made.
    static async Task<IReadOnlyList<LoadResult>> ServerSideAsync(Run run, CopyOptions options)
    {
        var roleArn = run.State.Load().RoleArn
                      ?? throw new PipelineException($"no IAM role ARN in {run.State.Path}; run ./build.sh Provision --profile=aws first");
        var s3 = run.Config.S3;
        var copies = StagingCopies.For(s3.LogData.ToString(), s3.LogJsonPath.ToString(), s3.SongData.ToString(), options, run.Window);
        var warehouse = await run.WarehouseAsync();
        var results = new List<LoadResult>();
        try
        {
            foreach (var copy in copies)
                results.Add(await RedshiftCopy.RunAsync(warehouse, run.Sql, copy, roleArn, run.Log, run.Ct, (c, command, ct) => RecordScope(run)(c, command, true, ct),
                    Platforms.AwsPlatform.LoadViewsOf(run.Config, run.State.Load())));
        }
        finally
        {
            run.Summary.Set("loads", LoadReport.Loads(results));
        }
        return results;
    }

    /// staging_events' load records what staging holds (staging_scope) in its own transaction: Transform's default
    /// scope. A load that replaced the table holds its window (or the whole source); one that kept the objects it did
    /// not read holds what it held before plus its window (StagingScope.Widened).
    static Func<NpgsqlConnection, CopyCommand, bool, CancellationToken, Task> RecordScope(Run run) => async (connection, copy, replaced, ct) =>
    {
        if (!RecordsScope(copy)) return;
        var days = replaced ? copy.Window : StagingScope.Widened((await StagingScope.ReadAsync(connection, run.Sql, ct)).Days, copy.Window);
        await StagingScope.RecordAsync(connection, run.Sql, run.Id, copy.From, days, ct);
    };

    static bool RecordsScope(CopyCommand copy) => copy.Table == "staging_events";

    /// Without --sample: a sample generated once into .local/sample (scale 1, seed 42), reused by later runs.
    static async Task<string> GeneratedSampleAsync(Run run)
    {
        var folder = Path.Combine(run.Local.Folder, "sample");
        if (File.Exists(Path.Combine(folder, "log_json_path.json"))) return folder;
        run.Log.Information($"No --sample given: generating one into {folder} (scale 1, seed 42)");
        await Generator.WriteAsync(folder, new GeneratorOptions(), run.Ct);
        return folder;
    }
}
