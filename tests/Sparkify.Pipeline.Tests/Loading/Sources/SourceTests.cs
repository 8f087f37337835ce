using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading.Sources;

/// Which objects a COPY reads from a local directory: prefixes, the JSONPaths file, MANIFEST, GZIP and the date window.
public class SourceTests
{
    const string Ddl = "create table t (k varchar(64))";

    static void WriteDays(SourceDir dir, int days)
    {
        for (var d = 1; d <= days; d++)
            dir.Write($"log_data/2018/11/2018-11-{d:00}-events.json", $$"""{"k": "day{{d}}"}""");
    }

    static async Task<List<string>> LoadAsync(CopyCommand copy)
    {
        var db = await WithTableAsync(Ddl);
        await ClientCopy.RunAsync(db, copy, Context(), CancellationToken.None);
        return (await RowsAsync(db, "select k from t order by k")).Select(r => (string)r[0]!).ToList();
    }

    [Test]
    public async Task Prefix_matches_keys_not_folders()
    {
        using var dir = new SourceDir();
        WriteDays(dir, 12);

        var keys = await LoadAsync(new CopyCommand("t", dir.Path("log_data/2018/11/2018-11-0"), Options()));

        Assert.That(keys, Is.EqualTo(Enumerable.Range(1, 9).Select(d => $"day{d}").Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Prefix_also_matches_siblings_whose_names_start_with_it()
    {
        using var dir = new SourceDir();
        dir.Write("song_data/A/x.json", """{"k": "in folder"}""");
        dir.Write("song_data_old/y.json", """{"k": "sibling folder"}""");
        dir.Write("songs.json", """{"k": "sibling file"}""");
        dir.Write("other/z.json", """{"k": "elsewhere"}""");

        var keys = await LoadAsync(new CopyCommand("t", "file://" + dir.Path("song"), Options()));

        Assert.That(keys, Is.EqualTo(new[] { "in folder", "sibling file", "sibling folder" }));
    }

    [Test]
    [Description("issue 14: Redshift reads a JSONPaths file under the data prefix as a data file (\"JSONPaths file\")")]
    public async Task Jsonpaths_file_under_the_data_prefix_is_read_as_data_as_redshift_does()
    {
        using var dir = new SourceDir();
        dir.Write("data/a.json", """{"k": "row"}""");
        var paths = dir.Write("data/paths.json", """{"jsonpaths": ["$['k']"]}""");

        var keys = await LoadAsync(new CopyCommand("t", dir.Path("data"), Options(CopyFormat.JsonPaths(paths))));

        Assert.That(keys, Is.EqualTo(new[] { "row", null }), "the JSONPaths object is a record with no 'k': a row of NULL");
    }

    [Test]
    public async Task Missing_jsonpaths_file_is_a_clear_error_and_nothing_loads()
    {
        using var dir = new SourceDir();
        dir.Write("data/a.json", """{"k": "row"}""");
        var db = await WithTableAsync(Ddl);

        Assert.That(async () => await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data"), Options(CopyFormat.JsonPaths(dir.Path("nope.json")))), Context(), CancellationToken.None),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("JSONPaths file").And.Message.Contains("nope.json").And.Message.Contains("does not exist"));
        Assert.That(await CountAsync(db, "t"), Is.EqualTo(0));
    }

    [Test]
    public async Task Prefix_matching_nothing_is_a_clear_error()
    {
        using var dir = new SourceDir();
        var db = await WithTableAsync(Ddl);

        Assert.That(async () => await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("log_data/"), Options()), Context(), CancellationToken.None),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("no object matches that prefix"));
    }

    [Test]
    public async Task Manifest_loads_its_entries_skipping_a_missing_optional_one()
    {
        using var dir = new SourceDir();
        WriteDays(dir, 3);
        var manifest = dir.Write("load.manifest", $$"""
            {"entries": [
              {"url": "{{dir.Path("log_data/2018/11/2018-11-01-events.json")}}", "mandatory": true},
              {"url": "file://{{dir.Path("log_data/2018/11/2018-11-03-events.json")}}"},
              {"url": "{{dir.Path("log_data/2018/11/gone.json")}}", "mandatory": false}
            ]}
            """);

        var keys = await LoadAsync(new CopyCommand("t", manifest, Options() with { Manifest = true }));

        Assert.That(keys, Is.EqualTo(new[] { "day1", "day3" }));
    }

    [Test]
    public async Task Manifest_with_a_missing_mandatory_entry_fails_and_loads_nothing()
    {
        using var dir = new SourceDir();
        WriteDays(dir, 1);
        var gone = dir.Path("log_data/gone.json");
        var manifest = dir.Write("load.manifest", $$"""
            {"entries": [{"url": "{{dir.Path("log_data/2018/11/2018-11-01-events.json")}}", "mandatory": true}, {"url": "{{gone}}", "mandatory": true}]}
            """);
        var db = await WithTableAsync(Ddl);

        Assert.That(async () => await ClientCopy.RunAsync(db, new CopyCommand("t", manifest, Options() with { Manifest = true }), Context(), CancellationToken.None),
            Throws.InstanceOf<PipelineException>().With.Message.Contains($"mandatory entry {gone} does not exist"));
        Assert.That(await CountAsync(db, "t"), Is.EqualTo(0));
    }

    [Test]
    public async Task Gzip_objects_are_decompressed()
    {
        using var dir = new SourceDir();
        dir.WriteGzip("data/a.json.gz", "{\"k\": \"one\"}\n{\"k\": \"two\"}");

        var keys = await LoadAsync(new CopyCommand("t", dir.Path("data/"), Options() with { Gzip = true }));

        Assert.That(keys, Is.EqualTo(new[] { "one", "two" }));
    }

    [Test]
    public async Task Date_window_keeps_only_the_objects_of_those_days()
    {
        using var dir = new SourceDir();
        WriteDays(dir, 12);

        var keys = await LoadAsync(new CopyCommand("t", dir.Path("log_data"), Options(), DateWindow.Parse("2018-11-10", "2018-11-11")));

        Assert.That(keys, Is.EqualTo(new[] { "day10", "day11" }));
    }

    [Test]
    public async Task Big_files_stream_through_buffer_refills_with_every_row_and_line_number_kept()
    {
        using var dir = new SourceDir();
        // About 1.5 MB in one file: far more than the 64 KB read buffer, so records cross buffer boundaries.
        var lines = Enumerable.Range(1, 20000).Select(i => $$"""{"k": "row{{i:00000}}-{{new string('x', 60)}}"}""");
        dir.Write("data/big.json", string.Join("\n", lines) + "\n{broken\n" + """{"k": "last"}""");
        var db = await WithTableAsync("create table t (k varchar(80))");

        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 1 }), Context(), CancellationToken.None);

        Assert.That(result.Rows, Is.EqualTo(20001));
        Assert.That(await ScalarAsync(db, "select line_number from load_errors"), Is.EqualTo(20001L));
    }
}
