using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline;

/// The command line as Cake parsed it: --name=value, a bare --flag (true), and --SECTION:key=value config overrides.
public sealed class RunArguments
{
    readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public RunArguments(IEnumerable<KeyValuePair<string, ICollection<string>>> arguments)
    {
        foreach (var (name, values) in arguments)
        {
            // Cake groups every --LOCAL:key=value under the name LOCAL: each value is one override.
            var overrides = values.Select(v => ConfigLayers.FromArgument(name, v)).ToList();
            if (overrides.Count > 0 && overrides.All(o => o is not null)) ConfigOverrides.AddRange(overrides!);
            else _values[name] = values.LastOrDefault() ?? "";
        }
    }

    public List<ConfigValue> ConfigOverrides { get; } = [];

    public string? Value(string name) => _values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public bool Flag(string name) =>
        _values.TryGetValue(name, out var v) && !v.Equals("false", StringComparison.OrdinalIgnoreCase) && v != "0";

    public IReadOnlySet<string> List(string name) =>
        (Value(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
