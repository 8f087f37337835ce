using Amazon.S3;

namespace Sparkify.Pipeline.Loading.Sources;

/// An S3 client for a region (null: the caller's own region): moto, AWS, or any endpoint that speaks S3. The loader
/// takes this instead of AWS access of its own, so it runs against whatever object store its caller configured.
public delegate IAmazonS3 S3Clients(string? region);
