using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Config;

/// An s3://bucket/prefix address. The prefix is a key prefix, not a folder: "log_data/2018" also matches "log_data/2018-x".
public sealed partial record S3Location(string Bucket, string Prefix)
{
    public static bool TryParse(string text, out S3Location location)
    {
        location = new S3Location("", "");
        if (!text.StartsWith("s3://", StringComparison.Ordinal)) return false;
        var rest = text[5..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..];
        if (!BucketName().IsMatch(bucket) || bucket.Contains("..") || prefix.Any(c => char.IsControl(c) || c == '\''))
            return false;
        location = new S3Location(bucket, prefix);
        return true;
    }

    public override string ToString() => $"s3://{Bucket}/{Prefix}";

    // S3's bucket naming rules: 3-63 characters of lower-case letters, digits, dots and hyphens.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\z")]
    private static partial Regex BucketName();
}
