using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.CommandLine;

/// The command line checked against the declaration (issue 10, part 2), in process: no Cake, no services.
public class OptionCheckTests
{
    // build.cake's graph: the targets that do work of their own carry the skip criterion.
    static readonly IReadOnlyList<TargetInfo> Graph =
    [
        new("Provision", "", [], true), new("CreateTables", "", ["Provision"], true), new("StageCopy", "", ["CreateTables"], true),
        new("Transform", "", ["StageCopy"], true), new("Verify", "", ["Transform"], true), new("Report", "", [], true),
        new("Etl", "", ["Verify", "Report"]), new("Teardown", "", [], true), new("Query", "", []), new("Test", "", []),
        new("Generate", "", [], true), new("Benchmark", "", [], true), new("Status", "", [], true), new("Connect", "", []),
    ];

    static CommandLineArguments Args(params (string Name, string? Value)[] args) =>
        new(args.GroupBy(a => a.Name).Select(g => new KeyValuePair<string, ICollection<string>>(g.Key, g.Select(a => a.Value!).ToList())));

    static string Problem(string target, params (string, string?)[] args) =>
        Assert.Throws<PipelineException>(() => OptionCheck.Validate(Args(args), Graph, target))!.Message;

    [Test]
    [Description("issue 10: --final-snaphot=keep was ignored and the cluster was deleted without a snapshot")]
    public void Misspelt_option_fails_naming_the_closest_declared_one()
    {
        Assert.That(Problem("Teardown", ("final-snaphot", "keep")), Does.StartWith("--final-snaphot is not an option; did you mean --final-snapshot?"));
        Assert.That(Problem("StageCopy", ("sampel", "dir")), Does.Contain("did you mean --sample?"));
    }

    [Test]
    public void Option_far_from_every_name_fails_without_a_guess()
    {
        Assert.That(Problem("Etl", ("colour", "red")), Does.StartWith("--colour is not an option").And.Not.Contain("did you mean"));
    }

    [Test]
    public void Option_of_another_target_fails_naming_the_targets_that_read_it()
    {
        Assert.That(Problem("Teardown", ("recreate", null)), Does.StartWith("--recreate has no effect on Teardown: it is read by CreateTables"));
    }

    [Test]
    public void Option_of_a_dependency_applies_to_the_target_that_runs_it()
    {
        Assert.DoesNotThrow(() => OptionCheck.Validate(Args(("recreate", null), ("from", "2018-11-01")), Graph, "Etl"));
    }

    [Test]
    [Description("issue 10: Cake gives a bare --recreate a null value, which crashed with a NullReferenceException")]
    public void Bare_flag_is_true_and_false_values_are_false()
    {
        Assert.That(Args(("recreate", null)).Flag(Options.Recreate), Is.True);
        Assert.That(Args(("recreate", "false")).Flag(Options.Recreate), Is.False);
        Assert.That(Args(("recreate", "true")).Flag(Options.Recreate), Is.True);
        Assert.That(Args().Flag(Options.Recreate), Is.False);
        Assert.DoesNotThrow(() => OptionCheck.Validate(Args(("recreate", null), ("verbose", null)), Graph, "CreateTables"));
    }

    [Test]
    public void Flag_with_a_value_that_is_not_true_or_false_fails()
    {
        Assert.That(Problem("CreateTables", ("recreate", "maybe")), Does.StartWith("--recreate=maybe: a flag takes no value, or =true / =false"));
    }

    [Test]
    public void Valued_option_given_bare_fails_showing_its_usage()
    {
        Assert.That(Problem("Query", ("sql", null)), Does.StartWith("--sql needs a value: --sql=TEXT"));
    }

    [TestCase("Query", "Query")]
    [TestCase("Test", "Test")]
    [TestCase("Etl", "Etl")]
    [Description("issue 10: --skip=Query, --skip=Test and --skip=Etl were accepted and did nothing")]
    public void Skip_of_a_target_that_cannot_be_skipped_fails(string target, string skip)
    {
        Assert.That(Problem(target, ("skip", skip)), Does.StartWith($"--skip={skip}: {skip} cannot be skipped"));
    }

    [Test]
    [Description("issue 23: --skip=Connect was accepted and did nothing, because Connect has no skip criterion")]
    public void Skip_of_a_target_without_the_skip_criterion_fails_like_other_bad_options()
    {
        Assert.That(Problem("Connect", ("skip", "Connect")),
            Does.StartWith("--skip=Connect: Connect cannot be skipped").And.Contains("Connect runs no target that can be skipped"));
    }

    [Test]
    [Description("issue 23: the message names what --skip can take in this run, and the closest of them")]
    public void Skip_of_a_target_that_cannot_be_skipped_names_the_ones_that_can_and_the_closest()
    {
        var message = Problem("Etl", ("skip", "Etl"));
        var misspelt = Problem("Etl", ("skip", "Verfy"));

        Assert.That(message, Does.Contain("(can be skipped in Etl: Provision, CreateTables, StageCopy, Transform, Verify, Report)"));
        Assert.That(misspelt, Does.StartWith("--skip=Verfy: not a target; did you mean Verify? (can be skipped in Etl: Provision,"));
    }

    [Test]
    public void Skip_of_targets_that_carry_the_criterion_is_accepted()
    {
        Assert.DoesNotThrow(() => OptionCheck.Validate(Args(("skip", "Provision,Report")), Graph, "Etl"));
        Assert.DoesNotThrow(() => OptionCheck.Validate(Args(("skip", "Generate")), Graph, "Generate"));
    }

    [Test]
    public void Skip_of_a_target_outside_the_plan_fails_listing_the_plan()
    {
        Assert.That(Problem("CreateTables", ("skip", "Report")), Does.StartWith("--skip=Report: Report is not part of CreateTables, which runs Provision, CreateTables"));
    }

    [Test]
    public void Skip_of_a_misspelt_target_names_the_closest()
    {
        Assert.That(Problem("Etl", ("skip", "Provison")), Does.StartWith("--skip=Provison: not a target; did you mean Provision?"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var message = Problem("Teardown", ("sampel", "x"), ("recreate", null));

        Assert.That(message, Does.StartWith("2 problems on the command line:").And.Contains("--sampel").And.Contains("--recreate"));
    }

    [Test]
    public void Cake_target_argument_and_config_overrides_are_not_options()
    {
        var args = Args(("target", "Etl"), ("S3", "region=us-east-1"), ("LOCAL", "pg_port=1"));

        Assert.DoesNotThrow(() => OptionCheck.Validate(args, Graph, "Etl"));
    }

    [Test]
    [Description("issue 10: --S3:region=... was ignored because the section name holds a digit")]
    public void S3_section_on_the_command_line_is_a_config_override()
    {
        var args = Args(("S3", "region=eu-west-1"));

        Assert.That(args.ConfigOverrides, Has.Count.EqualTo(1));
        Assert.That(args.ConfigOverrides[0].Section, Is.EqualTo("S3"));
        var config = Sparkify.Pipeline.Config.DwhConfig.FromFile(Path.Combine(Fixtures.Repo.Root, "dwh.cfg"), new System.Collections.Hashtable(), args.ConfigOverrides);
        Assert.That(config.S3.Region, Is.EqualTo("eu-west-1"));
    }

    [Test]
    public void Every_option_read_in_the_code_is_declared()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Fixtures.Repo.Root, "build", "Sparkify.Pipeline"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        var read = sources.SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"Args\.(?:Value|Flag|List)\(Options\.(\w+)\)")
            .Select(m => m.Groups[1].Value)).Distinct().ToList();
        var declared = typeof(Options).GetFields().Where(f => f.FieldType == typeof(OptionSpec)).ToList();

        Assert.That(read, Is.Not.Empty);
        Assert.That(read.Where(n => declared.All(f => f.Name != n)), Is.Empty, "options read with run.Args but not declared in CommandLine/Options.cs");
        Assert.That(declared.Select(f => f.GetValue(null)).Where(o => !Options.Declared.Contains(o)), Is.Empty,
            "options declared in CommandLine/Options.cs but missing from Options.Declared (help, docs and the check)");
    }

    [Test]
    [Description("issue 23: option names were string literals in 13 places outside CommandLine/")]
    public void No_option_name_is_typed_again_outside_the_declaration()
    {
        var root = Fixtures.Repo.Root;
        var sources = new[] { "build", "bench" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}CommandLine{Path.DirectorySeparatorChar}"))
            .Append(Path.Combine(root, "build.cake"));
        var names = Options.Declared.Append(BenchOnlyOptions.Root).Append(BenchOnlyOptions.Keep).Select(o => o.Name).ToList();
        // A name read, passed on, listed or kept in a constant; messages that quote an option (--file=x: no such file) are prose.
        var typedAgain = new System.Text.RegularExpressions.Regex(
            @"(?:Value|Flag|List|Raw|Get|Whole|Argument)\(""(?:--)?([a-z-]+)""|ArgumentList\.Add\(\$?""--([a-z-]+)" +
            @"|=\s*\[\s*""([a-z-]+)""\s*,|const string \w+ = ""([a-z-]+)""");
        var found = sources.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .SelectMany(l => typedAgain.Matches(l.Text).Select(m => (l.File, l.Line, Name: m.Groups.Values.Skip(1).First(g => g.Success).Value)))
            .Where(l => names.Contains(l.Name))
            .Select(l => $"{l.File}:{l.Line} --{l.Name}").ToList();

        Assert.That(found, Is.Empty, "option names written again instead of read from CommandLine/Options.cs");
    }
}
