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

    /// The local profile's PostgreSQL superuser password (the local warehouse).
    public string? LocalPgPassword { get; set; }
}
