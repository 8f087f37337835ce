namespace Sparkify.Pipeline.Loading.Sources;

/// <summary>
/// A listing of one bucket its caller already holds (the local profile's upload lists its bucket once): a load from
/// that bucket takes its prefixes from it instead of listing S3 again.
/// </summary>
public interface IBucketListing
{
    string Bucket { get; }

    /// Every object whose key starts with the prefix, in key order.
    IReadOnlyList<ListedObject> Under(string prefix);
}
