using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// The command line as Cake parsed it: --name=value, a bare --flag (true; Cake gives it a null value), and
/// --SECTION:key=value config overrides. Which names exist is declared in CommandLine/Options.cs.
/// </summary>
public sealed class CommandLineArguments
{
    readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public CommandLineArguments(IEnumerable<KeyValuePair<string, ICollection<string>>> arguments)
    {
        foreach (var (name, values) in arguments)
        {
            // Cake groups every --LOCAL:key=value under the name LOCAL: each value is one override.
            var overrides = values.Select(v => v is null ? null : ConfigLayers.FromArgument(name, v)).ToList();
            if (overrides.Count > 0 && overrides.All(o => o is not null)) ConfigOverrides.AddRange(overrides!);
            else _values[name] = values.LastOrDefault();
        }
    }

    public List<ConfigValue> ConfigOverrides { get; } = [];

    /// The option names given, without the config overrides.
    public IEnumerable<string> Names => _values.Keys;

    /// The value as given: null for a bare --flag.
    public string? Raw(string name) => _values.GetValueOrDefault(name);

    public string? Value(string name) => _values.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    /// A bare --flag, --flag=true/yes/on/1 are true; absent, --flag=false/no/off/0 are false.
    public bool Flag(string name) =>
        _values.TryGetValue(name, out var v) && (string.IsNullOrEmpty(v) || !IsFalse(v));

    public IReadOnlySet<string> List(string name) =>
        (Value(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsBoolean(string value) =>
        IsFalse(value) || value.ToLowerInvariant() is "true" or "yes" or "on" or "1";

    static bool IsFalse(string value) => value.ToLowerInvariant() is "false" or "no" or "off" or "0";
}
