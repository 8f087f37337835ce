namespace Sparkify.Pipeline.CommandLine;

/// One target of build.cake as Cake knows it: its name, description, direct dependencies, and whether it carries the
/// skip criterion (<see cref="Skipping"/>), which is what lets --skip name it.
public sealed record TargetInfo(string Name, string Description, IReadOnlyList<string> DependsOn, bool Skippable = false)
{
    /// The target and everything it depends on, dependencies first (the order Cake runs them in).
    public static IReadOnlyList<string> Plan(IReadOnlyList<TargetInfo> graph, string target)
    {
        var byName = graph.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var plan = new List<string>();
        void Visit(string name)
        {
            if (plan.Contains(name, StringComparer.OrdinalIgnoreCase) || !byName.TryGetValue(name, out var info)) return;
            foreach (var dependency in info.DependsOn) Visit(dependency);
            plan.Add(info.Name);
        }
        Visit(target);
        return plan;
    }
}
