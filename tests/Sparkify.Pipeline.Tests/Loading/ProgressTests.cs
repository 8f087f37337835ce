using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// What the loader reports while and after it runs, and how it fails when an object cannot be read.
public class ProgressTests
{
    [Test]
    public async Task Progress_counts_objects_rows_bytes_and_rejected_records()
    {
        using var dir = new SourceDir();
        dir.Write("data/a.json", """{"k": "a"} {"k": "b"}""");
        dir.Write("data/b.json", """{"k": "c"} {"k": """);
        var db = await WithTableAsync("create table t (k varchar(8))");
        LoadProgress? seen = null;
        var context = Context() with { OnStart = p => seen = p };

        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 1 }), context, CancellationToken.None);

        Assert.That(seen, Is.Not.Null);
        Assert.That((seen!.Table, seen.ObjectsDone, seen.ObjectsTotal, seen.Rows, seen.Bytes, seen.Rejected), Is.EqualTo(("t", 2L, 2L, 3L, 38L, 1L)));
        Assert.That((result.Rows, result.Objects, result.Bytes, result.Rejected), Is.EqualTo((3L, 2, 38L, 1)));
        Assert.That(ProgressPrinter.Line(seen, TimeSpan.FromSeconds(2)), Is.EqualTo("t: 2/2 objects, 3 rows, 0.0 MB, 2 rows/s, 1 rejected"));
    }

    [Test]
    public async Task Without_a_terminal_progress_is_a_log_line_every_interval()
    {
        using var dir = new SourceDir();
        dir.Write("data/a.json", """{"k": "a"}""");
        var db = await WithTableAsync("create table t (k varchar(8))");
        var output = new StringWriter();
        await using (var printer = new ProgressPrinter(new PipelineLog(output), terminal: false, every: TimeSpan.FromMilliseconds(20)))
        {
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options()), Context() with { OnStart = printer.Watch }, CancellationToken.None);
            printer.Watch(new LoadProgress("idle"));
            await Task.Delay(200);
        }

        Assert.That(output.ToString(), Does.Contain("idle: 0/0 objects, 0 rows, 0.0 MB"));
    }

    [Test]
    public async Task Gzip_set_on_a_plain_object_fails_naming_the_object_and_loads_nothing()
    {
        using var dir = new SourceDir();
        var file = dir.Write("data/a.json", """{"k": "a"}""");
        var db = await WithTableAsync("create table t (k varchar(8))");

        Assert.That(async () => await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { Gzip = true }), Context(), CancellationToken.None),
            Throws.InstanceOf<PipelineException>().With.Message.Contains($"GZIP object {file}").And.Message.Contains("drop GZIP"));
        Assert.That(await CountAsync(db, "t"), Is.EqualTo(0));
    }
}
