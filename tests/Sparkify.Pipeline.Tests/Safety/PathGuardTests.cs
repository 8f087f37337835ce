using Sparkify.Pipeline.CommandLine;
using System.Collections;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Safety;

namespace Sparkify.Pipeline.Tests.Safety;

/// The folders the pipeline deletes or overwrites may not be the checkout, lie above it, be .git or hold tracked files.
public class PathGuardTests
{
    static readonly string RepoConfig = Path.Combine(Repo.Root, "dwh.cfg");

    static int LineOf(string key) => Array.FindIndex(File.ReadAllLines(RepoConfig), l => l.StartsWith(key + " =")) + 1;

    [TestCase(".", "is the checkout itself")]
    [TestCase("sql", "holds files tracked by git (sql/")]
    [TestCase("..", "lies above the checkout")]
    [TestCase(".git", "is git's own folder (.git)")]
    [TestCase("dwh.cfg", "is a file tracked by git")]
    public void A_data_dir_in_dwh_cfg_that_Teardown_must_not_delete_is_refused_naming_the_key_and_line(string dataDir, string problem)
    {
        using var dir = new TempDir("cfg");
        var text = string.Join("\n", File.ReadAllLines(RepoConfig).Select(l => l.StartsWith("data_dir =") ? $"data_dir = {dataDir}" : l));
        File.WriteAllText(dir.File("dwh.cfg"), text);

        var e = Assert.Throws<PipelineException>(() => DwhConfig.FromFile(dir.File("dwh.cfg"), new Hashtable(), [], Repo.Root));

        Assert.That(e!.Message, Does.StartWith($"dwh.cfg [LOCAL] data_dir '{dataDir}' {problem}"));
        Assert.That(e.Message, Does.EndWith($"(line {LineOf("data_dir")})"));
    }

    [Test]
    public void A_data_dir_on_the_command_line_is_checked_the_same_way()
    {
        var e = Assert.Throws<PipelineException>(() =>
            DwhConfig.FromFile(RepoConfig, new Hashtable(), [ConfigLayers.FromArgument("LOCAL", "data_dir=build")!], Repo.Root));

        Assert.That(e!.Message, Does.StartWith("command line --LOCAL:data_dir 'build' holds files tracked by git (build/"));
    }

    [Test]
    public void An_absolute_folder_outside_the_checkout_and_an_untracked_one_inside_are_allowed()
    {
        using var dir = new TempDir("data");

        Assert.That(PathGuard.Problem(dir.File("local"), Repo.Root), Is.Null);
        Assert.That(PathGuard.Problem(Path.Combine(Repo.Root, ".local"), Repo.Root), Is.Null);
        Assert.That(PathGuard.Problem(Path.Combine(Repo.Root, "sql", "not-tracked-here"), Repo.Root), Is.Null);
    }

    [TestCase("/")]
    [TestCase("tests/Sparkify.Pipeline.Tests")]
    [TestCase(".git/objects")]
    public void Folders_the_guard_refuses(string path) =>
        Assert.That(PathGuard.Problem(Path.Combine(Repo.Root, path), Repo.Root), Is.Not.Null);

    [TestCase("--out=sql")]
    [TestCase("--artifacts=.")]
    [TestCase("--state-dir=..")]
    [TestCase("--work=.git")]
    public void A_written_folder_option_that_is_the_checkout_above_it_git_or_tracked_fails_before_any_work(string option)
    {
        var (name, value) = (option[2..option.IndexOf('=')], option[(option.IndexOf('=') + 1)..]);
        var arguments = new Dictionary<string, ICollection<string>> { [name] = [value] };

        var target = name == "work" ? "Benchmark" : "Generate";
        TargetInfo[] graph = [new("Generate", "", []), new("Benchmark", "", [])];

        var e = Assert.Throws<PipelineException>(() => Run.Create(arguments, Repo.Root, graph, target, new Hashtable()));

        Assert.That(e!.Message, Does.StartWith($"--{name} "));
        Assert.That(e.Message, Does.Contain("give it a folder of its own"));
    }
}
