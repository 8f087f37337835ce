using System.Globalization;
using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Config;

/// Typed, validated reads of layered settings. Every problem is collected so one run reports all of them.
public sealed partial class ConfigReader(ConfigLayers layers)
{
    readonly List<string> _errors = [];
    readonly HashSet<(string, string)> _known = [];

    public IReadOnlyList<string> Errors => _errors;

    public string Text(string section, string key, Func<string, bool>? valid = null, string problem = "is not valid")
    {
        var value = Value(section, key);
        if (value is null) return "";
        if (valid is not null && !valid(value.Value)) Fail(value, problem);
        return value.Value;
    }

    /// A value whose checker says in its own words what is wrong with it (null: nothing).
    public string Checked(string section, string key, Func<string, string?> problem)
    {
        var value = Value(section, key);
        if (value is null) return "";
        if (problem(value.Value) is { } wrong) Fail(value, wrong);
        return value.Value;
    }

    public string? Optional(string section, string key, Func<string, bool> valid, string problem)
    {
        var value = Value(section, key);
        if (value is null || value.Value.Length == 0) return null;
        if (!valid(value.Value)) Fail(value, problem);
        return value.Value;
    }

    public int Int(string section, string key, int min, int max)
    {
        var value = Value(section, key);
        if (value is null) return min;
        if (int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        Fail(value, $"is not a whole number from {min} to {max}");
        return min;
    }

    public int Port(string section, string key, int min = 1)
    {
        var value = Value(section, key);
        if (value is null) return min;
        if (int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= 65535)
            return n;
        Fail(value, min == 1 ? "is not a port" : $"is not a port from {min} to 65535");
        return min;
    }

    public bool Bool(string section, string key)
    {
        var value = Value(section, key);
        switch (value?.Value.ToLowerInvariant())
        {
            case null: return false;
            case "true" or "yes" or "on" or "1": return true;
            case "false" or "no" or "off" or "0": return false;
            default: Fail(value, "is not true or false"); return false;
        }
    }

    public string OneOf(string section, string key, params string[] allowed) =>
        Text(section, key, v => allowed.Contains(v, StringComparer.Ordinal), $"is not one of {string.Join(", ", allowed)}");

    public S3Location S3(string section, string key)
    {
        var value = Value(section, key);
        if (value is null) return new S3Location("invalid", "");
        if (S3Location.TryParse(value.Value, out var location)) return location;
        Fail(value, "is not an s3://bucket/prefix address with a valid bucket name");
        return new S3Location("invalid", "");
    }

    /// An IPv4 CIDR block such as 203.0.113.7/32 (EC2 ingress rules take IPv4 here).
    public static bool IsCidr(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits > 32)
            return false;
        var octets = parts[0].Split('.');
        return octets.Length == 4 && octets.All(o => o.Length is > 0 and <= 3 &&
            int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255);
    }

    /// Keys in the file that no section reads are typos; keys that name a secret are refused outright.
    public void RejectUnknownAndSecrets()
    {
        foreach (var value in layers.All)
        {
            if (SecretName().IsMatch(value.Key) || AccessKey().IsMatch(value.Value))
                _errors.Add($"{value.Where}: secrets never go in {layers.FileName} or its overrides; AWS credentials come from the SDK's " +
                            "default chain (environment, ~/.aws, SSO, instance role) and the database password from DWH_DB_PASSWORD or the state file");
            else if (!_known.Contains((value.Section, value.Key)))
                _errors.Add($"{value.Where}: unknown setting [{value.Section}] {value.Key}; see the comments in dwh.cfg for the settings that exist");
        }
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count == 1) throw new PipelineException(_errors[0]);
        if (_errors.Count > 1)
            throw new PipelineException($"{_errors.Count} configuration problems:" + string.Concat(_errors.Select(e => "\n  - " + e)));
    }

    ConfigValue? Value(string section, string key)
    {
        _known.Add((section, key));
        var value = layers.Find(section, key);
        if (value is null) _errors.Add($"{layers.FileName} has no [{section}] {key}; add it (dwh.cfg in the repository lists every setting)");
        return value;
    }

    public void Add(string error) => _errors.Add(error);

    void Fail(ConfigValue value, string problem) => _errors.Add(value.Invalid(problem).Message);

    [GeneratedRegex(@"secret|password|passwd|token|access_key|session_key|credential", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AccessKey();
}
