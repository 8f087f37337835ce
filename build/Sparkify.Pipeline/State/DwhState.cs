namespace Sparkify.Pipeline.State;

/// <summary>
/// What Provision (and the local services) learned, kept between runs in .dwh/state-PROFILE.json (git-ignored, 0600).
/// It is the only place a generated password lives.
/// </summary>
public sealed class DwhState
{
    public string? Profile { get; set; }
    public string? Region { get; set; }
    public string? RoleName { get; set; }
    public string? RoleArn { get; set; }
    public List<string> AttachedPolicyArns { get; set; } = [];
    public string? InlinePolicyName { get; set; }
    public string? ClusterId { get; set; }
    public string? Endpoint { get; set; }
    public int? Port { get; set; }
    public string? DbName { get; set; }
    public string? DbUser { get; set; }
    public string? DbPassword { get; set; }
    public string? SecurityGroupId { get; set; }
    public string? IngressCidr { get; set; }
    public int? IngressPort { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }

    /// [CLUSTER] kind as Provision used it: "serverless" (a namespace and workgroup) or "provisioned" (a cluster); null: none yet.
    public string? Kind { get; set; }
    public string? Namespace { get; set; }
    public string? Workgroup { get; set; }
    public string? WorkgroupArn { get; set; }
    public string? UsageLimitId { get; set; }

    /// The local profile's PostgreSQL bootstrap superuser password: used only to create the roles and the database.
    public string? LocalPgPassword { get; set; }

    /// The local warehouse owner's password ([CLUSTER] db_user: owns the database, not a superuser).
    public string? LocalOwnerPassword { get; set; }

    /// The read-only role's password (sparkify_reader, created by CreateTables), for Query, Report and Connect.
    public string? ReaderPassword { get; set; }

    /// Where the local cluster lives when not under [LOCAL] data_dir (the postgres user cannot reach the checkout).
    public string? LocalPgFolder { get; set; }

    /// Every folder the pipeline made (each carries its marker); Teardown removes these and nothing else.
    public List<string> OwnedFolders { get; set; } = [];

    /// The local services as started: found by Teardown even after the data folder was removed by hand.
    public ServiceRecord? LocalMoto { get; set; }
    public ServiceRecord? LocalPostgres { get; set; }

    /// Forgets everything Provision recorded; the local profile's own entries stay for the local part of Teardown.
    public void ForgetProvisioned()
    {
        Profile = Region = RoleName = RoleArn = InlinePolicyName = null;
        AttachedPolicyArns = [];
        ClusterId = Endpoint = DbName = DbUser = DbPassword = null;
        SecurityGroupId = IngressCidr = null;
        Port = IngressPort = null;
        CreatedAt = null;
        Kind = Namespace = Workgroup = WorkgroupArn = UsageLimitId = null;
    }
}
