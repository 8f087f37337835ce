namespace Sparkify.Pipeline.Loading.Sources;

/// One listed object: its key, size in bytes and ETag as S3 lists it (quoted).
public sealed record ListedObject(string Key, long Size, string ETag);
