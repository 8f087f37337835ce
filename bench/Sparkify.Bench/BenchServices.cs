using Amazon.S3;
using Amazon.S3.Model;
using Sparkify.Pipeline;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Local;

namespace Sparkify.Bench;

/// The local S3 for method (d): moto on a free port in the work folder, started on first use and stopped at the end.
public sealed class BenchServices(string work, PipelineLog log) : IAsyncDisposable
{
    public const string Bucket = "sparkify-bench";
    public const string Region = "us-west-2";

    LocalMoto? _moto;

    /// Starts moto and uploads the sample under s3://sparkify-bench/ in the public layout (not timed).
    public async Task<AwsContext> S3WithSampleAsync(string sample, CancellationToken ct)
    {
        _moto ??= new LocalMoto(Path.Combine(work, "moto"), Ports.Free(), log);
        var aws = AwsContext.ForMoto(await _moto.EnsureRunningAsync(ct), Region);
        using var s3 = aws.S3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket, BucketRegionName = Region }, ct);
        var files = Directory.GetFiles(sample, "*.json", SearchOption.AllDirectories);
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (file, token) =>
        {
            var key = Path.GetRelativePath(sample, file).Replace(Path.DirectorySeparatorChar, '/');
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, FilePath = file }, token);
        });
        return aws;
    }

    public async ValueTask DisposeAsync()
    {
        if (_moto is not null) await _moto.StopAsync(CancellationToken.None);
    }
}
