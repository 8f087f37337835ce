namespace Sparkify.Pipeline.Targets;

/// What Plan found: the calls Provision would make, what exists already, the SQL later targets would run (role ARN
/// redacted) and the cost estimate. Nothing in it was done.
public sealed record PlanResult(
    IReadOnlyList<string> Calls, IReadOnlyList<string> Existing, IReadOnlyList<string> Statements, string Cost)
{
    /// What Plan could not find out (Redshift Serverless against an endpoint that has no such API, such as moto).
    public IReadOnlyList<string> Unchecked { get; init; } = [];

    /// Local profile: per staging table, the objects a StageCopy would add, change, remove and leave (PlanLoads).
    public IReadOnlyList<string> Loads { get; init; } = [];
}
