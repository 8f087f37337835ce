namespace Sparkify.Pipeline.Config;

/// <summary>
/// [SERVERLESS]: the Redshift Serverless warehouse Provision creates when [CLUSTER] kind = serverless: the namespace
/// (database, role) and workgroup (compute) names, the base capacity in RPUs, the usage limit that stops queries
/// after max_rpu_hours per period, and the final snapshot Teardown takes of the namespace (null: none).
/// </summary>
public sealed record ServerlessSettings(
    string Namespace, string Workgroup, int BaseCapacity, int MaxRpuHours, string Period, string? FinalSnapshot)
{
    /// The seed's values, for configurations built in code.
    public static readonly ServerlessSettings Default = new("sparkify-dwh", "sparkify-dwh", 8, 24, "daily", null);

    /// What AWS accepts as base capacity: 4, or 8 to 512 in steps of 8 (AWS Redshift management guide, "Compute
    /// capacity for Amazon Redshift Serverless", 2025; 512-1024 in steps of 32 exist in five regions only and are
    /// refused here). botocore's model gives no range for baseCapacity, so the guide's is the rule.
    public static bool IsBaseCapacity(int rpu) => rpu == 4 || (rpu is >= 8 and <= 512 && rpu % 8 == 0);

    /// The ports a workgroup accepts: 5431-5455 and 8191-8215 (the model's CreateWorkgroup port documentation).
    public static bool IsWorkgroupPort(int port) => port is >= 5431 and <= 5455 or >= 8191 and <= 8215;
}
