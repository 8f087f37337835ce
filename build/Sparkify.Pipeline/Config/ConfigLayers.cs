using System.Collections;

namespace Sparkify.Pipeline.Config;

/// <summary>
/// Settings layered lowest first: dwh.cfg, then environment variables DWH_SECTION__KEY, then the command line
/// --SECTION:key=value. A later layer replaces a value but keeps the key's identity, so errors still point at it.
/// </summary>
public sealed class ConfigLayers
{
    const string EnvPrefix = "DWH_";
    readonly Dictionary<(string Section, string Key), ConfigValue> _values = new();

    public string FileName { get; }

    ConfigLayers(string fileName) => FileName = fileName;

    public static ConfigLayers Load(string path, IDictionary environment, IEnumerable<ConfigValue> commandLine)
    {
        var layers = new ConfigLayers(Path.GetFileName(path));
        foreach (var value in IniFile.Parse(path)) layers.Set(value);
        // One value per setting within a layer, as dwh.cfg refuses a key set twice: the environment (DWH_LOCAL__PG_PORT and
        // DWH_LOCAL__pg_port name one setting) and the command line (--LOCAL:pg_port twice, or as --LOCAL:PG_PORT).
        var twice = Twice(FromEnvironment(environment)).Concat(Twice(commandLine)).ToList();
        if (twice.Count == 1) throw new PipelineException(twice[0]);
        if (twice.Count > 1) throw new PipelineException($"{twice.Count} settings are given twice:" + string.Concat(twice.Select(t => "\n  - " + t)));
        foreach (var value in FromEnvironment(environment)) layers.Set(value);
        foreach (var value in commandLine) layers.Set(value);
        return layers;
    }

    static IEnumerable<string> Twice(IEnumerable<ConfigValue> layer) =>
        layer.GroupBy(v => (v.Section, v.Key)).Where(g => g.Count() > 1).Select(g =>
            $"[{g.Key.Section}] {g.Key.Key} is set {g.Count()} times ({string.Join(", then ", g.Select(v => v.Given))}); give it once");

    public static IEnumerable<ConfigValue> FromEnvironment(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
        {
            var name = (string)entry.Key;
            if (!name.StartsWith(EnvPrefix, StringComparison.Ordinal)) continue;
            var parts = name[EnvPrefix.Length..].Split("__");
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) continue;
            yield return new ConfigValue(parts[0].ToUpperInvariant(), parts[1].ToLowerInvariant(),
                (string?)entry.Value ?? "", $"environment {name}") { Given = $"environment {name}" };
        }
    }

    /// A command-line override: Cake splits "--CLUSTER:db_port=5439" into name "CLUSTER" and value "db_port=5439".
    /// Section names are upper case and may hold digits and '_' (S3, IAM_ROLE), like dwh.cfg's.
    /// <paramref name="written"/> is the section as the user wrote it, for messages.
    public static ConfigValue? FromArgument(string name, string value, string? written = null)
    {
        var eq = value.IndexOf('=');
        if (eq <= 0 || !IsSectionName(name)) return null;
        var key = value[..eq].Trim().ToLowerInvariant();
        return new ConfigValue(name, key, value[(eq + 1)..].Trim(), $"command line --{name}:{key}") { Given = $"--{written ?? name}:{value[..eq].Trim()}" };
    }

    public static bool IsSectionName(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) && name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_');

    public IEnumerable<ConfigValue> All => _values.Values;

    public ConfigValue? Find(string section, string key) =>
        _values.GetValueOrDefault((section.ToUpperInvariant(), key.ToLowerInvariant()));

    void Set(ConfigValue value) => _values[(value.Section, value.Key)] = value;
}
