using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Config;

/// Reads and checks [SERVERLESS], and what [CLUSTER] kind = serverless asks of [CLUSTER]'s other settings.
static partial class ServerlessConfig
{
    public static ServerlessSettings Read(ConfigReader r) => new(
        r.Text("SERVERLESS", "namespace", Name().IsMatch, NameRule),
        r.Text("SERVERLESS", "workgroup", Name().IsMatch, NameRule),
        int.TryParse(r.Text("SERVERLESS", "base_capacity", c => int.TryParse(c, out var n) && ServerlessSettings.IsBaseCapacity(n),
            "is not a base capacity Redshift Serverless accepts: 4, or 8 to 512 in steps of 8 (RPUs)"), out var rpu) ? rpu : 8,
        r.Int("SERVERLESS", "max_rpu_hours", 1, 1_000_000),
        r.OneOf("SERVERLESS", "max_rpu_hours_period", "daily", "weekly", "monthly"),
        r.Optional("SERVERLESS", "final_snapshot", SnapshotName().IsMatch,
            "is not a snapshot name (lower-case letters, digits and single hyphens, starting with a letter); empty = no final snapshot"));

    /// Serverless logs in with GetCredentials only, on a port a workgroup accepts.
    public static void CheckShape(ConfigLayers layers, ClusterSettings cluster, ConfigReader reader)
    {
        if (cluster.Kind != WarehouseKind.Serverless) return;
        if (layers.Find("CLUSTER", "auth") is { } auth && cluster.Auth == ClusterAuth.Password)
            reader.Add(auth.Invalid("cannot be password when [CLUSTER] kind is serverless: each run gets temporary credentials " +
                                    "from Redshift Serverless' GetCredentials; use auth = iam").Message);
        if (layers.Find("CLUSTER", "db_port") is { } port && !ServerlessSettings.IsWorkgroupPort(cluster.DbPort))
            reader.Add(port.Invalid("is not a port a Redshift Serverless workgroup accepts (5431-5455 or 8191-8215) " +
                                    "when [CLUSTER] kind is serverless").Message);
    }

    const string NameRule = "is not a Redshift Serverless name (3 to 64 lower-case letters, digits and hyphens)";

    // The model's NamespaceName/WorkgroupName: ^[a-z0-9-]+$, 3 to 64 characters.
    [GeneratedRegex(@"^[a-z0-9-]{3,64}\z")]
    private static partial Regex Name();

    [GeneratedRegex(@"^(?!.*--)[a-z][a-z0-9-]{0,254}(?<!-)\z")]
    private static partial Regex SnapshotName();
}
