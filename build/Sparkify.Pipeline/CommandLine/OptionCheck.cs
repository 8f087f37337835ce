using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// Checks the command line against the declaration before any work: every option is declared, applies to a target
/// of the plan, and has a value of its type; --skip names only targets of the plan that can be skipped. All problems
/// are reported at once, each naming the closest known name when the option is misspelt.
/// </summary>
public static class OptionCheck
{
    public static void Validate(CommandLineArguments args, IReadOnlyList<TargetInfo> graph, string target)
    {
        var plan = TargetInfo.Plan(graph, target);
        if (plan.Count == 0) return; // not a target: Cake says so, listing the targets
        var errors = new List<string>(args.Twice);
        foreach (var name in args.Names)
        {
            if (Options.CakeOwn.Contains(name)) continue;
            var spec = Options.Find(name);
            if (spec is null)
                errors.Add(Unknown(name));
            else if (!spec.AppliesTo(plan))
                errors.Add($"--{spec.Name} has no effect on {target}: it is read by {spec.TargetList}");
            else if (TypeProblem(spec, args.Raw(name)) is { } problem)
                errors.Add(problem);
        }
        errors.AddRange(Skipping.Problems(args.List(Options.Skip), graph, plan, target));
        if (errors.Count == 1) throw new PipelineException(errors[0] + $" (./build.sh {target} --help lists its options)");
        if (errors.Count > 1)
            throw new PipelineException($"{errors.Count} problems on the command line:" + string.Concat(errors.Select(e => "\n  - " + e)) +
                                        $"\n./build.sh {target} --help lists its options");
    }

    static string Unknown(string name)
    {
        if (ConfigLayers.IsSectionName(name))
            return $"--{name}: a dwh.cfg setting is given as --{name}:key=value";
        var closest = EditDistance.Closest(name, Options.Declared.Select(o => o.Name));
        if (closest is null && name.Any(char.IsDigit))
            return $"--{name} is not an option; dwh.cfg sections are upper case: --{name.ToUpperInvariant()}:key=value";
        return closest is null ? $"--{name} is not an option" : $"--{name} is not an option; did you mean --{closest}?";
    }

    static string? TypeProblem(OptionSpec spec, string? value) => spec.Type switch
    {
        OptionType.Flag when value is not (null or "" ) && !CommandLineArguments.IsBoolean(value) =>
            $"--{spec.Name}={value}: a flag takes no value, or =true / =false",
        not OptionType.Flag when string.IsNullOrEmpty(value) => $"--{spec.Name} needs a value: {spec.Usage}",
        _ => null,
    };
}
