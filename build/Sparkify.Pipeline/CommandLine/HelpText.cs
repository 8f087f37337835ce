namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// ./build.sh --help and ./build.sh TARGET --help, generated from the target graph and <see cref="Options"/>, so
/// they cannot drift from the code. build.sh turns --help into --pipeline-help, which Cake leaves to the script.
/// </summary>
public static class HelpText
{
    public const string Argument = "pipeline-help";

    public static bool Requested(IEnumerable<KeyValuePair<string, ICollection<string>>> arguments) =>
        arguments.Any(a => a.Key.Equals(Argument, StringComparison.OrdinalIgnoreCase));

    public static void Print(IReadOnlyList<TargetInfo> graph, string target)
    {
        foreach (var line in Lines(graph, target)) Console.WriteLine(line);
    }

    public static IEnumerable<string> Lines(IReadOnlyList<TargetInfo> graph, string target)
    {
        var info = graph.FirstOrDefault(t => t.Name.Equals(target, StringComparison.OrdinalIgnoreCase));
        if (info is null) return Overview(graph, target);
        return ForTarget(graph, info);
    }

    static IEnumerable<string> Overview(IReadOnlyList<TargetInfo> graph, string target)
    {
        if (target.Length > 0) yield return $"'{target}' is not a target.";
        yield return "Usage: ./build.sh <Target> [--option=value ...] [--SECTION:key=value ...]   (./build.sh <Target> --help: its options)";
        yield return "";
        yield return "Targets:";
        var width = graph.Max(t => t.Name.Length);
        foreach (var t in graph) yield return $"  {t.Name.PadRight(width)}  {t.Description}";
        yield return "";
        yield return "Options every target takes:";
        foreach (var line in Table(Options.Declared.Where(o => o.ForAnyTarget))) yield return line;
        yield return "";
        yield return "Options of some targets (also taken by every target that runs one of them, e.g. Etl --recreate):";
        foreach (var line in Table(Options.Declared.Where(o => !o.ForAnyTarget), withTargets: true)) yield return line;
        yield return "";
        foreach (var line in Footer()) yield return line;
    }

    static IEnumerable<string> ForTarget(IReadOnlyList<TargetInfo> graph, TargetInfo info)
    {
        var plan = TargetInfo.Plan(graph, info.Name);
        yield return $"./build.sh {info.Name}: {info.Description}";
        if (plan.Count > 1) yield return $"Runs: {string.Join(" -> ", plan)}";
        yield return "";
        var own = Options.Declared.Where(o => !o.ForAnyTarget && o.AppliesTo(plan)).ToList();
        if (own.Count > 0)
        {
            yield return $"Options of {info.Name}:";
            foreach (var line in Table(own)) yield return line;
            yield return "";
        }
        yield return "Options every target takes:";
        foreach (var line in Table(Options.Declared.Where(o => o.ForAnyTarget))) yield return line;
        yield return "";
        foreach (var line in Footer()) yield return line;
    }

    static IEnumerable<string> Table(IEnumerable<OptionSpec> options, bool withTargets = false)
    {
        var list = options.ToList();
        var width = list.Max(o => o.Usage.Length);
        foreach (var o in list)
            yield return $"  {o.Usage.PadRight(width)}  {o.Description} ({(withTargets ? $"targets: {o.TargetList}; " : "")}default: {o.Default})";
    }

    static IEnumerable<string> Footer()
    {
        yield return "--SECTION:key=value overrides a dwh.cfg setting (docs/configuration.md). Cake's own options work too:";
        yield return "--dryrun (the plan, nothing runs), --exclusive (the target without its dependencies), --tree, --description, --verbosity=diagnostic.";
        yield return "Exit codes: 0 success, 1 a target failed, 2 the command line or dwh.cfg is wrong (nothing ran). docs/targets.md has it all.";
    }
}
