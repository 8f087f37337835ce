using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// The command line as Cake parsed it: --name=value, a bare --flag (true; Cake gives it a null value), and
/// --SECTION:key=value config overrides. Options are read by their declaration in CommandLine/Options.cs
/// (args.Value(Options.Sample)), never by a name typed again.
/// </summary>
public sealed class CommandLineArguments
{
    readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <paramref name="raw"/>: the process's own arguments as typed, when Cake's grouping may have hidden a repeat.
    public CommandLineArguments(IEnumerable<KeyValuePair<string, ICollection<string>>> arguments, IEnumerable<string>? raw = null)
    {
        if (raw is not null) Twice.AddRange(RepeatedArguments.Find(raw));
        foreach (var (name, values) in arguments)
        {
            // Cake groups every --LOCAL:key=value under the name LOCAL: each value is one override.
            // A dwh.cfg section in another case (--local:PG_PORT) is the same section: its key, given twice, is refused.
            var section = Options.Find(name) is null && !Options.CakeOwn.Contains(name) ? name.ToUpperInvariant() : name;
            var overrides = values.Select(v => v is null ? null : ConfigLayers.FromArgument(section, v, name)).ToList();
            if (overrides.Count > 0 && overrides.All(o => o is not null)) ConfigOverrides.AddRange(overrides!);
            else if (values.Count > 1 && raw is null) Twice.Add($"--{name} is given {values.Count} times; give it once");
            else _values[name] = values.LastOrDefault();
        }
    }

    /// Options given more than once: refused like a key set twice in dwh.cfg (one value per setting).
    public List<string> Twice { get; } = [];

    public List<ConfigValue> ConfigOverrides { get; } = [];

    /// The option names given, without the config overrides.
    public IEnumerable<string> Names => _values.Keys;

    /// The value as given: null for a bare --flag.
    public string? Raw(string name) => _values.GetValueOrDefault(name);

    /// The value given, or null when the option is absent or empty.
    public string? Value(OptionSpec option) => Valued(option, o => o.Type is not OptionType.Flag);

    /// A bare --flag, --flag=true/yes/on/1 are true; absent, --flag=false/no/off/0 are false.
    public bool Flag(OptionSpec option) =>
        _values.TryGetValue(Typed(option, o => o.Type is OptionType.Flag).Name, out var v) && (string.IsNullOrEmpty(v) || !IsFalse(v));

    public IReadOnlySet<string> List(OptionSpec option) =>
        (Valued(option, o => o.Type is OptionType.List) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    string? Valued(OptionSpec option, Func<OptionSpec, bool> fits) =>
        _values.TryGetValue(Typed(option, fits).Name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    // Reading a flag as text or a list as a flag is a slip in the code, not in the command line.
    static OptionSpec Typed(OptionSpec option, Func<OptionSpec, bool> fits) =>
        fits(option) ? option : throw new InvalidOperationException($"--{option.Name} is declared as {option.TypeName}: read it as one");

    public static bool IsBoolean(string value) =>
        IsFalse(value) || value.ToLowerInvariant() is "true" or "yes" or "on" or "1";

    static bool IsFalse(string value) => value.ToLowerInvariant() is "false" or "no" or "off" or "0";
}
