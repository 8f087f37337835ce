using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Tests.Warehouse;

/// <summary>
/// sqlfluff (the Debian package, 1.4.5), an independent SQL grammar: one process parses every statement given, each
/// written to its own file, and the answer says which files hold sections its dialect cannot parse.
/// </summary>
static class Sqlfluff
{
    public const string Missing = "sqlfluff is not installed: the Redshift grammar tests need it (apt-get install -y sqlfluff; " +
                                  ".ci/run installs it)";

    /// For each statement name: the text sqlfluff could not parse under <paramref name="dialect"/> (empty = it parses).
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Unparsable(string dialect, IReadOnlyList<(string Name, string Sql)> statements)
    {
        var dir = Directory.CreateTempSubdirectory("sparkify-sqlfluff-");
        try
        {
            var files = statements.Select((s, i) => (s.Name, File: Path.Combine(dir.FullName, $"{i:000}_{Safe(s.Name)}.sql"))).ToList();
            foreach (var ((_, sql), (_, file)) in statements.Zip(files)) File.WriteAllText(file, sql.TrimEnd() + "\n");
            var parsed = Run(dialect, dir.FullName).AsArray()
                .ToDictionary(f => Path.GetFileName(f!["filepath"]!.GetValue<string>()), f => f!["segments"]);
            return files.ToDictionary(f => f.Name, f => parsed.TryGetValue(Path.GetFileName(f.File), out var tree)
                ? (tree is null ? ["(no parse tree)"] : Bad(tree).ToList())
                : (IReadOnlyList<string>)["(sqlfluff did not report this file)"]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    static JsonNode Run(string dialect, string folder)
    {
        var info = new ProcessStartInfo("sqlfluff")
        {
            ArgumentList = { "parse", "--dialect", dialect, "--templater", "raw", "--format", "json", "--nofail", folder },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail(Missing);
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill();
            try
            {
                return JsonNode.Parse(stdout.Result) ?? throw new FormatException("empty");
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                Assert.Fail($"sqlfluff parse gave no JSON (exit {process.ExitCode}): {stderr.Result}");
                throw;
            }
        }
    }

    /// The raw text of every unparsable or unlexable segment in a parse tree.
    static IEnumerable<string> Bad(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                    if (key is "unparsable" or "unlexable") yield return Raw(value);
                    else if (value is not null) foreach (var b in Bad(value)) yield return b;
                break;
            case JsonArray a:
                foreach (var item in a) if (item is not null) foreach (var b in Bad(item)) yield return b;
                break;
        }
    }

    static string Raw(JsonNode? node) => node switch
    {
        JsonValue v => v.ToString(),
        JsonObject o => string.Concat(o.Select(p => Raw(p.Value))),
        JsonArray a => string.Concat(a.Select(Raw)),
        _ => "",
    };

    static string Safe(string name) => new(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
