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
    AwsContext? _aws;
    bool _bucket;

    /// <summary>
    /// Starts moto and uploads the sample in the public layout under s3://sparkify-bench/NAME, NAME being the sample's
    /// folder name (so the warm-up sample and the measured one never mix). Returns the context and that root.
    /// </summary>
    public async Task<(AwsContext Aws, string Root)> S3WithSampleAsync(string sample, CancellationToken ct)
    {
        if (_aws is null)
        {
            _moto = new LocalMoto(Path.Combine(work, "moto"), Ports.Free(), log);
            _aws = AwsContext.ForMoto(await _moto.EnsureRunningAsync(ct), Region);
        }
        var aws = _aws;
        using var s3 = aws.S3();
        if (!_bucket)
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket, BucketRegionName = Region }, ct);
            _bucket = true;
        }
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(sample));
        var files = Directory.GetFiles(sample, "*.json", SearchOption.AllDirectories);
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (file, token) =>
        {
            var key = name + "/" + Path.GetRelativePath(sample, file).Replace(Path.DirectorySeparatorChar, '/');
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, FilePath = file }, token);
        });
        return (aws, $"s3://{Bucket}/{name}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_moto is not null) await _moto.StopAsync(CancellationToken.None);
    }
}
