namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// --skip=A,B as the engine's job: build.cake gives each target that does work of its own one criterion,
/// "not named by --skip", with this reason, and the startup check accepts only targets that carry it.
/// </summary>
public static class Skipping
{
    /// The reason Cake prints for a target left out by --skip; it also marks the criterion in the graph.
    public const string Reason = "skipped by --skip";

    /// The problems of --skip=A,B for this plan, each naming the targets that can be skipped and the closest one.
    public static IEnumerable<string> Problems(IReadOnlySet<string> skips, IReadOnlyList<TargetInfo> graph, IReadOnlyList<string> plan, string target)
    {
        var names = graph.Select(t => t.Name).ToList();
        var skippable = graph.Where(t => t.Skippable && plan.Contains(t.Name, StringComparer.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
        foreach (var skip in skips)
        {
            var known = names.FirstOrDefault(n => n.Equals(skip, StringComparison.OrdinalIgnoreCase));
            if (known is null)
                yield return $"--skip={skip}: not a target" + Hint(skip, skippable, target);
            else if (!graph.First(t => t.Name == known).Skippable)
                yield return $"--skip={known}: {known} cannot be skipped (skipping it would do nothing: it groups other targets or is the one you run)" +
                             Hint(known, skippable, target);
            else if (!plan.Contains(known, StringComparer.OrdinalIgnoreCase))
                yield return $"--skip={known}: {known} is not part of {target}, which runs {string.Join(", ", plan)}";
        }
    }

    static string Hint(string skip, IReadOnlyList<string> skippable, string target)
    {
        if (skippable.Count == 0) return $"; {target} runs no target that can be skipped";
        var closest = EditDistance.Closest(skip, skippable);
        return (closest is null ? "" : $"; did you mean {closest}?") + $" (can be skipped in {target}: {string.Join(", ", skippable)})";
    }
}
