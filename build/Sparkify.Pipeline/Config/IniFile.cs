namespace Sparkify.Pipeline.Config;

/// <summary>
/// A minimal INI reader that remembers where each value came from, so errors can name the file and line.
/// Full-line comments start with ';' or '#'; keys and sections are case-insensitive; a value is everything after
/// the first '=' or ':' with surrounding blanks trimmed (Python configparser's layout, which dwh.cfg came from).
/// </summary>
public static class IniFile
{
    public static IEnumerable<ConfigValue> Parse(string path)
    {
        if (!File.Exists(path))
            throw new PipelineException($"configuration file {path} not found; copy dwh.cfg from the repository or pass --config=PATH");
        return Parse(File.ReadAllLines(path), Path.GetFileName(path));
    }

    public static IEnumerable<ConfigValue> Parse(IReadOnlyList<string> lines, string fileName)
    {
        string? section = null;
        var values = new List<ConfigValue>();
        var sections = new Dictionary<string, int>();
        var keys = new Dictionary<(string, string), int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var lineNo = i + 1;
            if (line.Length == 0 || line[0] is ';' or '#') continue;
            if (line[0] == '[')
            {
                if (!line.EndsWith(']') || line.Length < 3)
                    throw new PipelineException($"{fileName} line {lineNo}: '{line}' is not a [SECTION] header");
                section = line[1..^1].Trim().ToUpperInvariant();
                if (!sections.TryAdd(section, lineNo))
                    throw new PipelineException($"{fileName} line {lineNo}: section [{section}] appears twice (first at line {sections[section]}); " +
                                                "merge the two into one");
                continue;
            }
            var split = line.IndexOfAny(['=', ':']);
            if (split <= 0)
                throw new PipelineException($"{fileName} line {lineNo}: expected 'key = value', found '{line}'");
            if (section is null)
                throw new PipelineException($"{fileName} line {lineNo}: key '{line[..split].Trim()}' comes before any [SECTION]");
            var key = line[..split].Trim().ToLowerInvariant();
            if (!keys.TryAdd((section, key), lineNo))
                throw new PipelineException($"{fileName} line {lineNo}: [{section}] {key} is set twice (first at line {keys[(section, key)]}); " +
                                            "keep one of the two");
            values.Add(new ConfigValue(section, key, line[(split + 1)..].Trim(), $"{fileName} [{section}] {key}", lineNo));
        }
        return values;
    }
}
