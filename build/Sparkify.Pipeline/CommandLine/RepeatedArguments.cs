namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// One value per setting, checked on the command line as the user typed it. Cake groups repeated --name values case
/// by case, but keeps only the first spelling's group: --local:pg_port=1 --LOCAL:pg_port=2 reached the pipeline as
/// pg_port=1 alone (measured with Cake 7.0.0). So the raw arguments are checked: an option or a --SECTION:key given
/// twice, in any case, is refused as a key set twice in dwh.cfg is.
/// </summary>
public static class RepeatedArguments
{
    public static IReadOnlyList<string> Find(IEnumerable<string> raw)
    {
        var given = new List<(string Setting, string Written)>();
        foreach (var arg in raw)
        {
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3) continue;
            var written = arg[2..].Split('=')[0];
            var colon = written.IndexOf(':');
            var setting = colon > 0
                ? $"[{written[..colon].ToUpperInvariant()}] {written[(colon + 1)..].Trim().ToLowerInvariant()}"
                : $"--{written.ToLowerInvariant()}";
            given.Add((setting, "--" + written));
        }
        return given.GroupBy(g => g.Setting).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} is {(g.Key.StartsWith('[') ? "set" : "given")} {g.Count()} times ({string.Join(", then ", g.Select(x => x.Written))}); give it once")
            .ToList();
    }
}
