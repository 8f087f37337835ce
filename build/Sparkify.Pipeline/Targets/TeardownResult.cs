namespace Sparkify.Pipeline.Targets;

/// What Teardown's AWS part did: what it removed and what was already gone.
public sealed class TeardownResult
{
    public List<string> Removed { get; } = [];
    public List<string> AlreadyGone { get; } = [];
}
