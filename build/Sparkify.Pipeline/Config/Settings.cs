namespace Sparkify.Pipeline.Config;

/// [AWS]: where the control-plane calls go. An empty endpoint means AWS's own; the local profile uses its moto.
public sealed record AwsSettings(string Region, string? Endpoint)
{
    /// Where Redshift Serverless calls go when not with the rest (a VPC endpoint, or a test double); null: Endpoint.
    public string? ServerlessEndpoint { get; init; }
}

/// [CLUSTER]: the Redshift cluster Provision creates (or reuses by identifier), and the database names both profiles use.
public sealed record ClusterSettings(
    string Identifier, string ClusterType, string NodeType, int NumNodes,
    string DbName, string DbUser, int DbPort, bool Encrypted, int AvailableTimeoutMinutes)
{
    /// How the aws profile logs in to Redshift: password (a master password kept in the state file or
    /// DWH_DB_PASSWORD), iam (temporary credentials for db_user, GetClusterCredentials), or iam_identity (temporary
    /// credentials for the caller's own IAM identity, GetClusterCredentialsWithIAM). The local profile ignores it.
    public ClusterAuth Auth { get; init; } = ClusterAuth.Password;

    /// provisioned (a cluster of node_type x num_nodes) or serverless (the [SERVERLESS] namespace and workgroup).
    public WarehouseKind Kind { get; init; } = WarehouseKind.Provisioned;

    /// How long a connection to the warehouse may take before it fails with "cannot reach".
    public int ConnectTimeoutSeconds { get; init; } = 15;

    /// How long one statement may run before it is cancelled; 0 = no limit.
    public int CommandTimeoutSeconds { get; init; } = 3600;
}

/// [IAM_ROLE]: the role Redshift assumes to read S3.
public sealed record IamSettings(string RoleName, string PolicyArn, bool LeastPrivilege);

/// [NETWORK]: the one CIDR allowed to reach the cluster port. Null: detect the caller's public IP (aws profile).
public sealed record NetworkSettings(string? IngressCidr);

/// [S3]: the sources StageCopy reads, and the region of their bucket.
public sealed record S3Settings(S3Location LogData, S3Location LogJsonPath, S3Location SongData, string Region);

/// [LOAD]: COPY options, shared by Redshift's COPY and the client-side loader. DateFormat is empty when COPY gets none.
public sealed record LoadSettings(
    int MaxError, string TimeFormat, bool CompUpdate, bool StatUpdate,
    bool TruncateColumns, bool BlanksAsNull, bool EmptyAsNull, int Parallelism, bool RoundDecimals = false)
{
    /// MAXERROR's ceiling, Redshift's (COPY data conversion parameters): the one definition dwh.cfg and CopyOptions check.
    public const int MaxErrorCeiling = 100000;

    /// <summary>
    /// What is wrong with an ACCEPTINVCHARS replacement; null when it is valid. The guide: "The replacement character
    /// can be any ASCII character except NULL", so a multibyte character is refused, as Redshift refuses it; the
    /// project also refuses the other control characters and the backslash, which the COPY statement's literal cannot
    /// carry as written (a backslash is an escape in Redshift literals).
    /// </summary>
    public static string? ReplacementProblem(string text) =>
        text.Length == 1 && text[0] is >= ' ' and < (char)0x7F and not '\\'
            ? null
            : "is not one printable ASCII character (Redshift: any ASCII character except NULL, so no multibyte character; the project also refuses control characters and the backslash, which a COPY literal cannot carry)";

    public string DateFormat { get; init; } = "";
    public bool AcceptInvChars { get; init; }
    public string InvCharReplacement { get; init; } = "?";
    public int IgnoreHeader { get; init; }
}

/// [LOCAL]: the local profile's services and the bucket its sample data is uploaded to.
public sealed record LocalSettings(int MotoPort, int PgPort, string Bucket, string DataDir);

/// [TELEMETRY]: the OTLP/HTTP endpoint that also receives each run's trace (null: the trace file only).
public sealed record TelemetrySettings(string? OtlpEndpoint);
