using Amazon.S3;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// The objects under a COPY's FROM prefix with their sizes and ETags, listed once per load with the run's own credentials.
public static class SourceListing
{
    public static async Task<IReadOnlyList<ListedFile>> ListAsync(IAmazonS3 client, string from, CancellationToken ct)
    {
        if (!S3Location.TryParse(from, out var location))
            throw new PipelineException($"'{from}' is not an s3://bucket/prefix address; Redshift's COPY reads S3 only");
        using var store = new S3ObjectStore(client, location.Bucket);
        var objects = await store.ListAsync(location.Prefix, ct);
        if (objects.Count == 0)
            throw new PipelineException($"no object matches '{from}'; check [S3] (COPY fails on a prefix with no object)");
        return objects.Select(o => new ListedFile(o.Key, o.Size, store.ETagOf(o.Key)
            ?? throw new PipelineException($"S3 listed {o.Name} without an ETag; the ledger cannot tell its content"))).ToList();
    }
}
