using System.Collections;
using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Config;

/// <summary>
/// The validated configuration of one run. Loading fails before any work with every problem found, each naming
/// the key and where it was set. Values that reach SQL or AWS are checked against the service's own rules here.
/// </summary>
public sealed partial record DwhConfig(
    AwsSettings Aws, ClusterSettings Cluster, IamSettings Iam, NetworkSettings Network,
    S3Settings S3, LoadSettings Load, LocalSettings Local)
{
    /// [SERVERLESS]: read with the rest; used when [CLUSTER] kind = serverless (aws profile).
    public ServerlessSettings Serverless { get; init; } = ServerlessSettings.Default;

    /// [TELEMETRY]: where the run's trace is also sent. The section is optional (a dwh.cfg from before it still loads).
    public TelemetrySettings Telemetry { get; init; } = new(null);

    /// <paramref name="checkout"/>: the checkout [LOCAL] data_dir is relative to and must stay clear of (null: the config file's folder).
    public static DwhConfig FromFile(string path, IDictionary environment, IEnumerable<ConfigValue> commandLine, string? checkout = null) =>
        From(ConfigLayers.Load(path, environment, commandLine), checkout ?? Path.GetDirectoryName(Path.GetFullPath(path))!);

    public static DwhConfig From(ConfigLayers layers, string checkout)
    {
        var r = new ConfigReader(layers);
        var config = new DwhConfig(
            new AwsSettings(
                r.Text("AWS", "region", Region().IsMatch, "is not an AWS region such as us-west-2"),
                r.Optional("AWS", "endpoint", IsHttpUrl, "is not an http(s):// URL"))
            {
                ServerlessEndpoint = r.Optional("AWS", "serverless_endpoint", IsHttpUrl, "is not an http(s):// URL"),
            },
            new ClusterSettings(
                r.Text("CLUSTER", "identifier", ClusterId().IsMatch,
                    "is not a Redshift cluster identifier (lower-case letters, digits and single hyphens, starting with a letter, at most 63)"),
                r.OneOf("CLUSTER", "cluster_type", "single-node", "multi-node"),
                r.Text("CLUSTER", "node_type"),
                r.Int("CLUSTER", "num_nodes", 1, 128),
                r.Text("CLUSTER", "db_name", Identifier().IsMatch, "is not a database name (lower-case letters, digits, _; at most 63)"),
                r.Text("CLUSTER", "db_user", Identifier().IsMatch, "is not a user name (lower-case letters, digits, _; at most 63)"),
                r.Port("CLUSTER", "db_port", 1150),
                r.Bool("CLUSTER", "encrypted"),
                r.Int("CLUSTER", "available_timeout_minutes", 1, 120))
            {
                Auth = r.OneOf("CLUSTER", "auth", "password", "iam", "iam_identity") switch
                {
                    "iam" => ClusterAuth.Iam,
                    "iam_identity" => ClusterAuth.IamIdentity,
                    _ => ClusterAuth.Password,
                },
                ConnectTimeoutSeconds = r.Int("CLUSTER", "connect_timeout_seconds", 1, 300),
                Kind = r.OneOf("CLUSTER", "kind", "provisioned", "serverless") == "serverless" ? WarehouseKind.Serverless : WarehouseKind.Provisioned,
                CommandTimeoutSeconds = r.Int("CLUSTER", "command_timeout_seconds", 0, 86400),
            },
            new IamSettings(
                r.Text("IAM_ROLE", "role_name", RoleName().IsMatch, "is not an IAM role name (letters, digits and +=,.@_-; at most 64)"),
                r.Text("IAM_ROLE", "policy_arn", PolicyArn().IsMatch, "is not an IAM policy ARN"),
                r.Bool("IAM_ROLE", "least_privilege")),
            new NetworkSettings(r.Optional("NETWORK", "ingress_cidr", ConfigReader.IsCidr, "is not an IPv4 CIDR such as 203.0.113.7/32")),
            new S3Settings(
                r.S3("S3", "log_data"), r.S3("S3", "log_jsonpath"), r.S3("S3", "song_data"),
                r.Text("S3", "region", Region().IsMatch, "is not an AWS region such as us-west-2")),
            new LoadSettings(
                r.Int("LOAD", "max_error", 0, LoadSettings.MaxErrorCeiling),
                r.Checked("LOAD", "timeformat", DateTimeFormatSyntax.TimeFormatProblem),
                r.Bool("LOAD", "compupdate"), r.Bool("LOAD", "statupdate"),
                r.Bool("LOAD", "truncate_columns"), r.Bool("LOAD", "blanks_as_null"), r.Bool("LOAD", "empty_as_null"),
                r.Int("LOAD", "parallelism", 1, 64), r.Bool("LOAD", "round_decimals"))
            {
                DateFormat = r.Checked("LOAD", "dateformat", v => v.Length == 0 ? null : DateTimeFormatSyntax.DateFormatProblem(v)),
                AcceptInvChars = r.Bool("LOAD", "accept_inv_chars"),
                InvCharReplacement = r.Checked("LOAD", "accept_inv_chars_replacement", LoadSettings.ReplacementProblem),
                IgnoreHeader = r.Int("LOAD", "ignore_header", 0, int.MaxValue),
            },
            new LocalSettings(
                r.Port("LOCAL", "moto_port"), r.Port("LOCAL", "pg_port"),
                r.Text("LOCAL", "bucket", b => S3Location.TryParse("s3://" + b, out _), "is not a valid bucket name"),
                r.Text("LOCAL", "data_dir", d => d.Length > 0, "is empty; name a folder of its own (default .local)")))
        {
            Serverless = ServerlessConfig.Read(r),
            Telemetry = new TelemetrySettings(OtlpEndpoint(layers, r)),
        };
        r.RejectUnknownAndSecrets();
        ClusterShape.Check(layers, config.Cluster, r);
        ServerlessConfig.CheckShape(layers, config.Cluster, r);
        CheckDataDir(layers, checkout, r);
        r.ThrowIfInvalid();
        return config;
    }

    /// Teardown deletes data_dir: it may not be the checkout, lie above it, be .git or hold tracked files.
    static void CheckDataDir(ConfigLayers layers, string checkout, ConfigReader reader)
    {
        if (layers.Find("LOCAL", "data_dir") is not { Value.Length: > 0 } dir) return;
        if (Safety.PathGuard.Problem(Path.Combine(checkout, dir.Value), checkout) is { } problem)
            reader.Add(dir.Invalid($"{problem}; Teardown deletes this folder, so it must be one of its own (default .local)").Message);
    }

    /// An OTLP/HTTP base URL: http(s), no user name or password in it (secrets never go in dwh.cfg), no query.
    static string? OtlpEndpoint(ConfigLayers layers, ConfigReader reader) =>
        layers.Find("TELEMETRY", "otlp_endpoint") is null ? null
            : reader.Optional("TELEMETRY", "otlp_endpoint",
                t => IsHttpUrl(t) && new Uri(t) is { UserInfo.Length: 0, Query.Length: 0, Fragment.Length: 0 },
                "is not an http(s):// URL without user, password or query, such as http://127.0.0.1:4318");

    internal static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d\z")]
    private static partial Regex Region();

    [GeneratedRegex(@"^(?!.*--)[a-z][a-z0-9-]{0,62}(?<!-)\z")]
    private static partial Regex ClusterId();

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,62}\z")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}\z")]
    private static partial Regex RoleName();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(aws|\d{12}):policy/[\w+=,.@/-]{1,128}\z")]
    private static partial Regex PolicyArn();
}
