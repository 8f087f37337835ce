using Sparkify.Bench;
using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Bench;

/// Issue 13 (4) and issue 11 (3): the benchmark's transform and history cases, at the smallest scale (not a measurement).
[NonParallelizable]
public class BenchTransformTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);

    [Test, Description("issue 13 (4): the benchmark gains the transform beside the peer, a window and the history cases")]
    public async Task Bench_transform_cases_at_scale_1_print_every_ratio_and_end_equal_to_a_fresh_build()
    {
        using var work = new TempDir("bench");
        var output = new StringWriter();
        var options = BenchOptions.Parse(["--scale=1", "--cases=transform", "--runs=1", "--no-warmup", $"--work={work.Path}", $"--root={Repo.Root}"]);

        var report = await Sparkify.Bench.Benchmark.RunAsync(options, output, CancellationToken.None);

        TestContext.Out.WriteLine(output);
        var transform = report.Transform!;
        Assert.That(report.Results, Is.Empty, "--cases=transform times no loader");
        Assert.That(transform.Cases.Select(c => c.Key), Is.EqualTo(new[] { "clean", "peer", "rerun", "window", "h3", "h2", "h1 A→B", "h1 B→A" }));
        var clean = transform.Get("clean")!;
        Assert.That(clean.Rows, Is.GreaterThan(0).And.EqualTo(transform.Get("peer")!.Rows), "the project and the peer make as many facts");
        Assert.That(transform.Get("window")!.Rows, Is.InRange(1, clean.Rows / 10), "the window counts one day's facts of thirty");
        Assert.That(transform.Get("h2")!.Note, Does.StartWith("killed after"), "the crash happened");
        Assert.That(transform.Cases.Where(c => c.Key != "peer").Select(c => c.Ratio), Has.All.GreaterThan(0));
        Assert.That(output.ToString(), Does.Contain("project/peer = ").And.Contains("history/clean: h3 ").And.Contains("window/full = ")
            .And.Contains("| h1 A→B | sample switch"));
    }

    [Test, Description("a benchmark that measures a wrong result is worthless: one changed value must show")]
    public async Task Star_checksum_changes_when_one_value_of_one_row_changes_and_the_comparison_names_the_table()
    {
        using var folder = new TempDir("checksum");
        var sample = await Generator.WriteAsync(folder.Path, new GeneratorOptions(Scale: 1, Seed: 5), CancellationToken.None);
        var warehouse = await TestWarehouse.CreateAsync();
        await SampleStaging.LoadAsync(warehouse.Db, sample.Directory);
        await warehouse.TransformAsync();
        var fresh = await StarChecksum.ReadAsync(warehouse.Db, Sql, CancellationToken.None);

        await warehouse.ExecuteAsync("update songplays set level = case level when 'free' then 'paid' else 'free' end " +
                                     "where songplay_id = (select min(songplay_id) from songplays)");
        var changed = await StarChecksum.ReadAsync(warehouse.Db, Sql, CancellationToken.None);

        Assert.That(changed.Songplays, Is.EqualTo(fresh.Songplays), "same row count");
        var error = Assert.Throws<PipelineException>(() => changed.RequireEqual(fresh, "test"));
        Assert.That(error!.Message, Does.Contain("bench case test").And.Contains("songplays has").And.Not.Contains("users has"));
        Assert.DoesNotThrow(() => fresh.RequireEqual(fresh, "same"));
    }

    [Test]
    public void Bench_cases_expand_transform_and_refuse_an_unknown_case_naming_the_known_ones()
    {
        var transform = BenchOptions.Parse(["--cases=transform", $"--root={Repo.Root}"]);
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--cases=clean,h9", $"--root={Repo.Root}"]));

        Assert.That((transform.Loads, transform.Cases.Count, transform.Runs), Is.EqualTo((false, 6, 3)));
        Assert.That(BenchOptions.Parse([$"--root={Repo.Root}"]).Cases, Is.EquivalentTo(new[] { "load", "clean", "rerun", "window", "h1", "h2", "h3", "daily" }));
        Assert.That(error!.Message, Does.Contain("'h9'").And.Contains("h2"));
    }
}
