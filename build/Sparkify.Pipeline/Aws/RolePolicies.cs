using System.Text.Json;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Aws;

/// The role's JSON policy documents: who may assume it, and the least-privilege alternative to policy_arn.
public static class RolePolicies
{
    public const string InlinePolicyName = "sparkify-dwh-s3-sources";

    /// Only Redshift may assume the role; Redshift Serverless as well when it is the warehouse (its guide, "Identity and
    /// access management in Amazon Redshift Serverless": the trust names redshift-serverless.amazonaws.com and redshift.amazonaws.com).
    public static string Trust(bool serverless = false) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[]
        {
            new
            {
                Effect = "Allow",
                Principal = new { Service = serverless ? (object)new[] { "redshift.amazonaws.com", "redshift-serverless.amazonaws.com" } : "redshift.amazonaws.com" },
                Action = "sts:AssumeRole",
            },
        },
    });

    /// s3:GetObject on the configured prefixes and s3:ListBucket on their buckets, limited to those prefixes.
    public static string LeastPrivilege(S3Settings s3)
    {
        var sources = new[] { s3.LogData, s3.LogJsonPath, s3.SongData };
        var objects = sources.Select(s => $"arn:aws:s3:::{s.Bucket}/{s.Prefix}*").Distinct().ToArray();
        var statements = new List<object> { new { Effect = "Allow", Action = "s3:GetObject", Resource = objects } };
        foreach (var bucket in sources.GroupBy(s => s.Bucket))
            statements.Add(new
            {
                Effect = "Allow",
                Action = "s3:ListBucket",
                Resource = $"arn:aws:s3:::{bucket.Key}",
                Condition = new { StringLike = new Dictionary<string, string[]> { ["s3:prefix"] = bucket.Select(s => s.Prefix + "*").Distinct().ToArray() } },
            });
        return JsonSerializer.Serialize(new { Version = "2012-10-17", Statement = statements });
    }
}
