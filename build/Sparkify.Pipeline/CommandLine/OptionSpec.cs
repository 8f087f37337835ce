namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// One declared command-line option: its name (without --), the type of its value, the default as help shows it,
/// the targets that read it (<see cref="Options.AnyTarget"/> for every target) and a one-line description.
/// </summary>
public sealed record OptionSpec(string Name, OptionType Type, string Default, IReadOnlyList<string> Targets, string Description)
{
    public bool ForAnyTarget => Targets.Contains(Options.AnyTarget);

    /// True when one of the targets that read this option runs in the plan (the target and its dependencies).
    public bool AppliesTo(IEnumerable<string> plan) =>
        ForAnyTarget || plan.Any(t => Targets.Contains(t, StringComparer.OrdinalIgnoreCase));

    /// "--name=VALUE" or "--name" for a flag, as help and docs/targets.md show it.
    public string Usage => Type switch
    {
        OptionType.Flag => $"--{Name}",
        OptionType.Number => $"--{Name}=N",
        OptionType.Path => $"--{Name}=PATH",
        OptionType.List => $"--{Name}=A,B",
        OptionType.Date => $"--{Name}=YYYY-MM-DD",
        _ => $"--{Name}=TEXT",
    };

    /// The option as another process takes it: "--name=value", or "--name" for a flag given bare.
    public string Given(string? value = null) => value is null ? $"--{Name}" : $"--{Name}={value}";

    public string TypeName => Type.ToString().ToLowerInvariant();

    public string TargetList => ForAnyTarget ? "all" : string.Join(", ", Targets);
}
