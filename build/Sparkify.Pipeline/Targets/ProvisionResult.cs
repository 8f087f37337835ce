namespace Sparkify.Pipeline.Targets;

/// What Provision did: the resources it created and the ones it found and kept, by name.
public sealed class ProvisionResult
{
    public List<string> Created { get; } = [];
    public List<string> Kept { get; } = [];
    public string? RoleArn { get; set; }
    public string? ClusterId { get; set; }
    public string? Endpoint { get; set; }
    public string? IngressCidr { get; set; }

    public bool ChangedNothing => Created.Count == 0;
}
