using System.Diagnostics;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// The report as a person sees it: Debian's headless Chromium renders index.html to a PNG and prints it to a PDF.
[NonParallelizable]
public class ChromiumRenderTests
{
    // Debian's package; elsewhere (a GitHub runner, say) whichever Chromium-family browser is on PATH.
    static readonly string? Chromium = new[] { "/usr/bin/chromium" }
        .Concat(new[] { "chromium", "chromium-browser", "google-chrome" }.SelectMany(name =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name))))
        .FirstOrDefault(File.Exists);
    readonly TempDir _dir = new("chromium");
    string _html = "";

    [OneTimeSetUp]
    public async Task RenderReport()
    {
        var db = await StarSchema.NewAsync();
        var (_, files) = await Report.RunAsync(db, SqlFiles.In(Repo.Root), _dir.File("report"), "local", CancellationToken.None);
        _html = files.Html;
    }

    [OneTimeTearDown]
    public void Clean() => _dir.Dispose();

    [Test]
    public void Chromium_renders_the_report_to_a_screenshot()
    {
        var png = _dir.File("report.png");

        var output = RunChromium($"--screenshot={png}", "--window-size=1280,4000");

        Assert.That(File.Exists(png), Is.True, $"Chromium wrote no screenshot:\n{output}");
        var bytes = File.ReadAllBytes(png);
        Assert.That(bytes[..4], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), Is.EqualTo(1280));
        // A blank 1280x4000 page compresses to a few kilobytes; text, tables and charts make it far larger.
        Assert.That(bytes.Length, Is.GreaterThan(100_000), "the screenshot looks empty");
    }

    [Test]
    public void Chromium_prints_the_report_to_a_pdf_of_several_pages()
    {
        var pdf = _dir.File("report.pdf");

        var output = RunChromium($"--print-to-pdf={pdf}", "--no-pdf-header-footer");

        Assert.That(File.Exists(pdf), Is.True, $"Chromium wrote no PDF:\n{output}");
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        Assert.That(text, Does.StartWith("%PDF-"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(text, @"/Type\s*/Page\b").Count, Is.GreaterThan(2));
    }

    string RunChromium(params string[] arguments)
    {
        var chromium = Chromium ?? throw new AssertionException(
            "headless Chromium is needed to render the report, and neither /usr/bin/chromium nor chromium on PATH exists: " +
            "apt-get install chromium (.ci/run installs it when missing)");
        var profile = _dir.File($"profile-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}" })
            info.ArgumentList.Add(a);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.ArgumentList.Add(new Uri(_html).AbsoluteUri);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 2 minutes");
        }
        var output = stdout.Result + stderr.Result;
        Assert.That(process.ExitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Not.Contain("net::ERR_"), "the page failed to load something");
        return output;
    }
}
