using System.Text.RegularExpressions;
using Sparkify.Pipeline.Loading;
using Spectre.Console;
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
        Assert.That((result.Rows, result.ObjectsListed, result.Bytes, result.Rejected), Is.EqualTo((3L, 2, 38L, 1)));
        Assert.That(ProgressPrinter.Line(seen, TimeSpan.FromSeconds(2)), Is.EqualTo("t: 2/2 objects, 3 rows, 0.0 MB, 2 rows/s, 1 rejected"));
    }

    [Test]
    public async Task Without_a_terminal_progress_is_a_log_line_every_interval()
    {
        using var dir = new SourceDir();
        dir.Write("data/a.json", """{"k": "a"}""");
        var db = await WithTableAsync("create table t (k varchar(8))");
        var output = new StringWriter();
        await using (var printer = new ProgressPrinter(new PipelineLog(output), live: null, every: TimeSpan.FromMilliseconds(20)))
        {
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options()), Context() with { OnStart = printer.Watch }, CancellationToken.None);
            printer.Watch(new LoadProgress("idle"));
            await Task.Delay(200);
        }

        Assert.That(output.ToString(), Does.Contain("idle: 0/0 objects, 0 rows, 0.0 MB"));
    }

    [Test]
    [Description("Issue 28: on a terminal the StageCopy progress line was not cleared before the next log line")]
    public async Task On_a_terminal_each_log_line_prints_whole_above_the_live_progress_display()
    {
        var screen = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.Standard, Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        var logOutput = new StringWriter();
        var log = new PipelineLog(logOutput);

        await using (var printer = new ProgressPrinter(log, terminal, every: TimeSpan.FromMilliseconds(5)))
        {
            printer.Watch(new LoadProgress("staging_[events]"));
            for (var i = 0; i < 20; i++)
            {
                log.Information($"log line {i} of 20");
                await Task.Delay(10);
            }
        }
        log.Information("after the display");

        var text = screen.ToString();
        Assert.That(text, Does.Contain("staging_[events]: 0/0 objects, 0 rows"), "the display shows the table, its markup escaped");
        for (var i = 0; i < 20; i++)
            Assert.That(Regex.IsMatch(text, $@"(^|\n|\x1B\[[0-9;?]*[A-Za-z])log line {i} of 20\r?\n"), Is.True,
                $"log line {i} ran together with the display:\n{text.Replace("\u001b", "<ESC>")}");
        Assert.That(logOutput.ToString(), Is.EqualTo("after the display" + Environment.NewLine),
            "while the display runs, the log goes through it; afterwards to its own output again");
    }

    [Test]
    [Description("Issue 28: redirected, progress stays plain lines")]
    public async Task Without_a_terminal_progress_lines_carry_no_escape_bytes()
    {
        var output = new StringWriter();
        var progress = new LoadProgress("staging_events");

        await using (var printer = new ProgressPrinter(new PipelineLog(output), live: null, every: TimeSpan.FromMilliseconds(5)))
        {
            printer.Watch(progress);
            await Task.Delay(100);
        }

        Assert.That(output.ToString(), Does.StartWith("staging_events: 0/0 objects"));
        Assert.That(output.ToString().Contains('\u001b'), Is.False);
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
