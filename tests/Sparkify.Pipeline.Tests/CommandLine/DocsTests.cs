using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.CommandLine;

/// The docs cannot drift from the code (issue 10, parts 3 and 6): the option table and the shell examples.
public class DocsTests
{
    static IEnumerable<string> DocFiles() =>
        new[] { Path.Combine(Repo.Root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md").Order());

    [Test]
    public void Readme_stays_short()
    {
        Assert.That(File.ReadAllLines(Path.Combine(Repo.Root, "README.md")), Has.Length.LessThanOrEqualTo(150));
    }

    [Test]
    public void Option_table_of_docs_targets_matches_the_declaration()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs", "targets.md"));
        var table = Regex.Match(text, @"<!-- options:begin -->(.*?)<!-- options:end -->", RegexOptions.Singleline).Groups[1].Value;
        var rows = table.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("| `"))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => $"{c[0].Trim('`')} | {c[1]} | {c[2]} | {c[3]} | {c[4]}").ToList();
        var declared = Options.Declared.Select(o => $"{o.Usage} | {o.TypeName} | {o.Default} | {o.TargetList} | {o.Description}").ToList();

        Assert.That(rows, Is.EqualTo(declared), "docs/targets.md's option table differs from CommandLine/Options.cs");
    }

    [Test]
    public void Readme_never_chains_teardown_after_an_aws_etl()
    {
        foreach (var file in DocFiles())
            Assert.That(File.ReadAllText(file), Does.Not.Match(@"Etl --profile=aws\s*&&"), file);
    }

    /// ```bash blocks run; ```bash no-run blocks (aws, long or destructive ones) are shown only.
    static IReadOnlyList<(string File, string Script)> RunnableBlocks() =>
        DocFiles().SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^```bash[ \t]*\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)
            .Select(m => (Path.GetRelativePath(Repo.Root, f), m.Groups[1].Value))).ToList();

    [Test]
    public void Runnable_examples_are_few_and_marked_blocks_are_left_out()
    {
        var blocks = RunnableBlocks();

        Assert.That(blocks, Is.Not.Empty);
        Assert.That(blocks.Count, Is.LessThanOrEqualTo(4), "keep the examples test short: mark long blocks ```bash no-run");
        Assert.That(blocks.Any(b => b.Script.Contains("--profile=aws")), Is.False, "an aws example is not marked no-run");
    }

    [Test]
    [NonParallelizable]
    [Description("issue 10: every shell example of the local profile in README and docs is run, so examples cannot rot")]
    public void Every_runnable_bash_block_runs_in_a_scratch_clone()
    {
        using var clone = ScratchClone();
        var env = new Dictionary<string, string>
        {
            ["DWH_LOCAL__PG_PORT"] = Ports.Free().ToString(), ["DWH_LOCAL__MOTO_PORT"] = Ports.Free().ToString(), ["NO_COLOR"] = "1",
        };
        try
        {
            foreach (var (file, script) in RunnableBlocks())
            {
                var (exit, output) = Bash(clone.Path, "set -euo pipefail\n" + script, env);
                Assert.That(exit, Is.EqualTo(0), $"the bash block of {file} failed:\n{script}\n---\n{output}");
            }
        }
        finally
        {
            Bash(clone.Path, "./build.sh Teardown", env);
        }
        Assert.That(Directory.Exists(Path.Combine(clone.Path, ".local")), Is.False, "Teardown left the local services' folder");
    }

    /// The checkout's files as they are now (tracked and new, not ignored), plus the built library so nothing rebuilds.
    static TempDir ScratchClone()
    {
        var dir = new TempDir("clone");
        var (_, list) = Run("git", Repo.Root, new Dictionary<string, string>(), "ls-files", "-co", "--exclude-standard", "-z");
        foreach (var file in list.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(Repo.Root, file);
            if (!File.Exists(source)) continue;
            var target = dir.File(file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        var bin = Path.Combine("build", "Sparkify.Pipeline", "bin", "Release");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, bin), "*", SearchOption.AllDirectories))
        {
            var target = dir.File(Path.GetRelativePath(Repo.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        // Newer than every copied source, as after a build: build.sh then keeps it.
        File.SetLastWriteTimeUtc(dir.File(Path.Combine(bin, "net10.0", "Sparkify.Pipeline.dll")), DateTime.UtcNow.AddMinutes(1));
        return dir;
    }

    static (int Exit, string Output) Bash(string dir, string script, IReadOnlyDictionary<string, string> env) =>
        Run("bash", dir, env, "-c", script);

    static (int Exit, string Output) Run(string program, string dir, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish within 5 minutes:\n{output}");
        }
        process.WaitForExit();
        TestContext.Out.WriteLine($"$ {program} {string.Join(' ', args)}  (exit {process.ExitCode})\n{output}");
        return (process.ExitCode, output.ToString());
    }
}
