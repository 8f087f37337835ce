using Sparkify.Bench;

namespace Sparkify.Pipeline.Tests.Bench;

/// The daily cases of the benchmark at scale 1: not a measurement, only that the three ./build.sh Etl runs happen as
/// their names say (the full run forced, the no-op run up to date in every step, the new day reloaded) and are reported.
[NonParallelizable]
[Description("Issue 27 item 7: the daily cases of ./build.sh Benchmark, reduced")]
public class BenchDailyTests
{
    [Test]
    public async Task Daily_cases_at_scale_1_run_a_forced_etl_a_no_op_etl_and_a_new_day_and_print_their_ratios()
    {
        using var work = new TempDir("bench-daily");
        var output = new StringWriter();
        var options = BenchOptions.Parse(["--scale=1", "--cases=daily", "--no-warmup", $"--work={work.Path}", $"--root={Repo.Root}"]);

        var report = await Sparkify.Bench.Benchmark.RunAsync(options, output, CancellationToken.None);

        TestContext.Out.WriteLine(output);
        var daily = report.Daily ?? throw new AssertionException("no daily cases in the report");
        Assert.That(daily.Full.UpToDate, Is.Empty, "--force runs every step");
        Assert.That(daily.NoOp.UpToDate, Is.SupersetOf(new[] { "StageCopy", "Transform", "Verify", "Report" }), "nothing changed");
        Assert.That(daily.NewDay.UpToDate, Does.Not.Contain("StageCopy").And.Not.Contain("Transform").And.Not.Contain("Verify"),
            "the new day's logs are loaded, transformed and checked");
        Assert.That(new[] { daily.Full, daily.NoOp, daily.NewDay }.Select(r => r.WallSeconds), Has.All.GreaterThan(0));
        Assert.That(output.ToString(), Does.Contain("| full Etl --force |").And.Contain("| no-op Etl |").And.Contain("| Etl after one new day |")
            .And.Contain("no-op/full = ").And.Contain("new day/full = "));
        Assert.That(Directory.Exists(work.Path), Is.False, "the work folder is removed");
    }

    [Test]
    public void Bench_options_know_the_daily_case_and_all_includes_it()
    {
        Assert.That(BenchOptions.Parse(["--cases=all", $"--root={Repo.Root}"]).Cases, Does.Contain(DailyCases.Key));
        Assert.That(BenchOptions.Parse(["--cases=daily", $"--root={Repo.Root}"]).Cases, Is.EquivalentTo(new[] { DailyCases.Key }));
    }
}
