using Sparkify.Bench;

namespace Sparkify.Pipeline.Tests.Bench;

/// The benchmark harness end to end at the smallest scale: not a measurement, only that it runs and reports.
[NonParallelizable]
public class BenchSmokeTests
{
    [Test]
    public async Task Bench_at_scale_1_loads_every_row_by_each_method_and_prints_the_table()
    {
        using var work = new TempDir("bench");
        var output = new StringWriter();
        var options = BenchOptions.Parse(["--scale=1", "--cases=load", "--methods=b,c", "--row-limit=1500", $"--work={work.Path}", $"--root={Repo.Root}"]);

        var report = await Sparkify.Bench.Benchmark.RunAsync(options, output, CancellationToken.None);

        TestContext.Out.WriteLine(output);
        var all = report.Sample.Events + report.Sample.Songs;
        Assert.That(report.Get("b")!.Rows, Is.EqualTo(all), "the native path loads every line");
        Assert.That(report.Get("c")!.Rows, Is.EqualTo(all), "row-by-row reports the full count it extrapolates to");
        Assert.That(report.Get("c")!.Note, Does.StartWith("(extrapolated: 1,500 of"));
        Assert.That(output.ToString(), Does.Contain("| (b) PostgreSQL native").And.Contains("| (c) row-by-row").And.Contains("c/b = "));
        Assert.That(report.Results.Select(r => r.PeakBytes), Has.All.GreaterThan(0));
        Assert.That(Directory.Exists(work.Path), Is.False, "the work folder is removed");
    }

    [Test]
    public async Task Bench_s3_methods_load_from_moto_and_the_fetch_only_floor_reads_every_object_and_loads_nothing()
    {
        using var work = new TempDir("bench");
        var output = new StringWriter();
        var options = BenchOptions.Parse(["--scale=1", "--cases=load", "--methods=a,d,e", "--no-warmup", $"--work={work.Path}", $"--root={Repo.Root}"]);

        var report = await Sparkify.Bench.Benchmark.RunAsync(options, output, CancellationToken.None);

        TestContext.Out.WriteLine(output);
        var all = report.Sample.Events + report.Sample.Songs;
        Assert.That((report.Get("a")!.Rows, report.Get("d")!.Rows, report.Get("e")!.Rows), Is.EqualTo((all, all, 0L)));
        Assert.That(report.Get("e")!.Note, Does.StartWith($"{report.Sample.Files - 1:N0} objects"), "every data object, not the JSONPaths file");
        Assert.That(output.ToString(), Does.Contain("d/a = ").And.Contains("d/e = "));
    }

    [Test, Description("Issue 29: the loader against the typed CSV COPY FREEZE ceiling, with its inputs")]
    public async Task Bench_ceiling_loads_the_same_rows_as_the_loader_and_the_ratio_prints_with_cpu_and_load_average()
    {
        using var work = new TempDir("bench");
        var output = new StringWriter();
        var options = BenchOptions.Parse(["--scale=1", "--cases=load", "--methods=a,f", "--runs=2", "--no-warmup", $"--work={work.Path}", $"--root={Repo.Root}"]);

        var report = await Sparkify.Bench.Benchmark.RunAsync(options, output, CancellationToken.None);

        TestContext.Out.WriteLine(output);
        var (loader, ceiling) = (report.Get("a")!, report.Get("f")!);
        var all = report.Sample.Events + report.Sample.Songs;
        Assert.That((loader.Rows, ceiling.Rows), Is.EqualTo((all, all)), "the ceiling COPYs exactly the rows the loader made");
        Assert.That((loader.Runs.Count, ceiling.Runs.Count), Is.EqualTo((2, 2)), "both run --runs times; the median is reported");
        Assert.That(ceiling.ServerCpu, Is.GreaterThan(0), "the server's CPU-seconds come from the postmaster's processes");
        Assert.That(loader.ClientCpu, Is.GreaterThan(0));
        Assert.That(loader.InputBytes, Is.GreaterThan(ceiling.InputBytes), "the loader reads the JSON, the ceiling the smaller CSV");
        Assert.That(output.ToString(), Does.Contain("a/f = ").And.Contains("| (f) typed CSV COPY FREEZE").And.Contains("load avg"));
    }

    [Test]
    public void Bench_options_refuse_a_scale_that_is_not_a_number()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--scale=big", $"--root={Repo.Root}"]));

        Assert.That(error!.Message, Does.Contain("--scale=big"));
    }

    [Test]
    public void Bench_options_refuse_a_misspelt_option_and_name_the_nearest()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--scael=100", $"--root={Repo.Root}"]));

        Assert.That(error!.Message, Does.Contain("--scael").And.Contain("did you mean --scale?"));
    }

    [Test]
    public void Bench_options_refuse_a_method_that_does_not_exist()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--methods=a,g", $"--root={Repo.Root}"]));

        Assert.That(error!.Message, Does.Contain("'g'").And.Contain("a,b,c,d,e,f"));
    }

    [Test]
    public void Bench_help_lists_every_option_the_benchmark_reads()
    {
        Assert.That(BenchOptions.WantsHelp(["--scale=3", "--help"]), Is.True);
        Assert.That(BenchOptions.WantsHelp(["--scale=3"]), Is.False);
        foreach (var name in new[] { "scale", "seed", "methods", "row-limit", "work", "no-warmup", "cases", "runs", "root", "keep" })
            Assert.That(BenchOptions.Usage, Does.Contain($"--{name}"), name);
    }
}
