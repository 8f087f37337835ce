using System.Text.RegularExpressions;
using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Safety;

namespace Sparkify.Pipeline.Tests.Graph;

/// <summary>
/// One source per warehouse, as a new user meets it: the README's "More to try" lines in their order (a full Etl of the
/// real sample, then a one-day Etl without --sample), then a bare Verify and Report, never mix two samples (before
/// issue 27 the window run switched to a generated sample: artists 138 = 69 + 69). Then a window run from another
/// sample is refused naming both, a full run switches, and a recorded folder that is gone stops the run, naming it.
/// </summary>
[NonParallelizable]
[Description("Issue 27 item 3: one source per warehouse")]
public class OneSourceTests
{
    BuildScript _build = null!;
    TempDir _other = null!;
    string _sample = "";

    [OneTimeSetUp]
    public async Task MakeAnotherSample()
    {
        _sample = RealPath.Of(Repo.RequireSampleData());
        _build = new BuildScript();
        _other = new TempDir("other-sample");
        await Generator.WriteAsync(_other.Path, new GeneratorOptions(Scale: 1, Seed: 7), CancellationToken.None);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _build.Dispose();
        _other.Dispose();
    }

    /// The Etl lines of the README's "More to try" block, in their order, without the leading ./build.sh.
    static List<string[]> ReadmeEtlLines()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var block = readme[readme.IndexOf("More to try:", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("```\n", block.IndexOf("```bash", StringComparison.Ordinal) + 7, StringComparison.Ordinal)];
        return Regex.Matches(block, @"^\./build\.sh (Etl --(?:sample|from)[^#\n]*?)\s*(#|$)", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    async Task<(string Artists, string Songs, string Source)> StateAsync()
    {
        var rows = await BuildWarehouse.RowsAsync(_build,
            "select (select count(*) from artists), (select count(*) from songs), (select source from warehouse_source)");
        var cells = rows.Single().Split('|');
        return (cells[0], cells[1], cells[2]);
    }

    [Test, Order(1)]
    public async Task The_readme_lines_in_order_then_verify_and_report_keep_the_real_sample_alone()
    {
        var lines = ReadmeEtlLines();
        Assert.That(lines.Select(l => l[1].Split('=')[0]), Is.EqualTo(new[] { "--sample", "--from" }), "the README's Etl lines changed");

        foreach (var words in lines.Append(["Verify"]).Append(["Report"]))
        {
            var result = _build.Run(words);
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.Output, Does.Not.Contain("generating one"), string.Join(' ', words));
            Assert.That(await StateAsync(), Is.EqualTo(("69", "71", _sample)), string.Join(' ', words));
        }
    }

    [Test, Order(2)]
    public async Task A_bare_verify_after_an_etl_of_a_sample_reloads_nothing()
    {
        var warehouse = BuildWarehouse.Of(_build);
        var before = await WarehouseChecksums.OfAsync(warehouse);

        var result = _build.Run("Verify");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain($"No --sample given: using the warehouse's own source, {_sample}"));
        Assert.That(await WarehouseChecksums.OfAsync(warehouse), Is.EqualTo(before));
    }

    [Test, Order(3)]
    public async Task A_window_run_from_another_sample_is_refused_naming_both_and_changes_nothing()
    {
        var warehouse = BuildWarehouse.Of(_build);
        var before = await WarehouseChecksums.OfAsync(warehouse);

        var result = _build.Run("Etl", $"--sample={_other.Path}", "--from=2018-11-05", "--to=2018-11-05");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
        Assert.That(result.Output, Does.Contain($"the warehouse holds {_sample}").And.Contain($"would mix in {RealPath.Of(_other.Path)}")
            .And.Contain($"./build.sh Etl --sample={RealPath.Of(_other.Path)}"));
        Assert.That(await WarehouseChecksums.OfAsync(warehouse), Is.EqualTo(before));
        Assert.That((await StateAsync()).Source, Is.EqualTo(_sample));
    }

    [Test, Order(4)]
    public async Task A_full_run_from_another_sample_switches_the_warehouse_to_it_alone()
    {
        var result = _build.Run("Etl", $"--sample={_other.Path}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        var (_, _, source) = await StateAsync();
        Assert.That(source, Is.EqualTo(RealPath.Of(_other.Path)));
        var songFiles = Directory.GetFiles(Path.Combine(_other.Path, "song_data"), "*.json", SearchOption.AllDirectories).Length;
        Assert.That(await BuildWarehouse.RowsAsync(_build, "select count(*) from staging_songs"), Is.EqualTo(new[] { $"{songFiles}" }),
            "staging_songs holds the other sample's songs alone");
        var realIds = Directory.GetFiles(Path.Combine(_sample, "song_data"), "*.json", SearchOption.AllDirectories)
            .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("song_id").GetString()).ToList();
        Assert.That(await BuildWarehouse.RowsAsync(_build, $"select count(*) from songs where song_id in ('{string.Join("','", realIds)}')"),
            Is.EqualTo(new[] { "0" }), "no song of the real sample is left");
    }

    [Test, Order(5)]
    public async Task A_run_without_sample_whose_recorded_folder_is_gone_fails_naming_it_and_changes_nothing()
    {
        var warehouse = BuildWarehouse.Of(_build);
        var before = await WarehouseChecksums.OfAsync(warehouse);
        var moved = _other.Path + "-moved";
        Directory.Move(_other.Path, moved);
        try
        {
            var result = _build.Run("Verify");

            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
            Assert.That(result.Output, Does.Contain($"the warehouse was built from the sample {RealPath.Of(_other.Path)}")
                .And.Contain("no longer exists"));
            Assert.That(await WarehouseChecksums.OfAsync(warehouse), Is.EqualTo(before));
        }
        finally
        {
            Directory.Move(moved, _other.Path);
        }
    }
}
