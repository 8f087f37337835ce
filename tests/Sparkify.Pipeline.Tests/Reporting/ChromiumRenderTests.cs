using System.Diagnostics;
using Sparkify.Pipeline.Targets;
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
        await DataDocsTests.SeedRunsAsync(db);
        var (_, files) = await Report.RunAsync(db, SqlFiles.In(Repo.Root), _dir.File("report"), "local", CancellationToken.None, DataDocsTests.Record());
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

    [Test]
    [Description("Issue 16: still one self-contained file")]
    public void Chromium_renders_the_report_without_a_single_network_request_from_the_page()
    {
        var netLog = _dir.File($"net-{Guid.NewGuid():N}.json");

        RunChromium($"--log-net-log={netLog}", $"--screenshot={_dir.File("net.png")}", "--window-size=1280,2000");

        Assert.That(File.Exists(netLog), Is.True, "Chromium wrote no net log");
        Assert.That(PageRequests(netLog), Is.Empty);
    }

    [Test]
    [Description("Issue 16: the network check can fail: a page with a remote image is caught")]
    public void The_network_check_sees_a_page_that_loads_a_remote_image()
    {
        var page = _dir.File("remote.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><img src=\"http://192.0.2.1/pixel.png\"></body></html>");
        var netLog = _dir.File($"net-{Guid.NewGuid():N}.json");

        RunChromium(page, false, $"--log-net-log={netLog}", $"--screenshot={_dir.File("remote.png")}", "--window-size=400,300");

        Assert.That(PageRequests(netLog), Does.Contain("http://192.0.2.1/pixel.png"));
    }

    [TestCase("top-songs"), TestCase("checks"), TestCase("trends"), TestCase("loads"), TestCase("runs"), TestCase("lineage"), TestCase("schema")]
    [Description("Issue 16: a screenshot test checks the new sections are visible")]
    public void A_screenshot_of_each_new_section_shows_it(string anchor)
    {
        // Only that section is displayed (a copy with one more CSS rule), so the screenshot's first screen is that section.
        var page = _dir.File($"only-{anchor}.html");
        File.WriteAllText(page, File.ReadAllText(_html).Replace("</style>", $"main > section:not(#{anchor}), nav, header {{ display: none; }}</style>"));
        var blank = _dir.File($"none-{anchor}.html");
        File.WriteAllText(blank, File.ReadAllText(_html).Replace("</style>", "main > section, nav, header, footer { display: none; }</style>"));
        var png = _dir.File($"{anchor}.png");
        var empty = _dir.File($"none-{anchor}.png");

        RunChromium(page, true, $"--screenshot={png}", "--window-size=1280,900");
        RunChromium(blank, true, $"--screenshot={empty}", "--window-size=1280,900");

        Assert.That(InkShare(png), Is.GreaterThan(0.005), $"section {anchor} looks empty in {png}");
        Assert.That(InkShare(empty), Is.LessThan(0.001), "the blank page is not blank: the ink measure is off");
    }

    /// The share of pixels that are not (nearly) white.
    static double InkShare(string png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        long ink = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = 0; x < bitmap.Width; x += 2)
                if (bitmap.GetPixel(x, y) is var c && (c.Red < 235 || c.Green < 235 || c.Blue < 235)) ink++;
        return ink / (bitmap.Width / 2.0 * (bitmap.Height / 2.0));
    }

    /// URLs the page itself asked for: requests keyed to the file:// top frame (Chromium's own background requests,
    /// which it makes even with --disable-background-networking, carry another network isolation key), other than file:.
    static List<string> PageRequests(string netLog)
    {
        using var log = System.Text.Json.JsonDocument.Parse(File.ReadAllText(netLog));
        var start = log.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
        return log.RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetInt32() == start && e.TryGetProperty("params", out var p) && p.TryGetProperty("url", out _))
            .Select(e => e.GetProperty("params"))
            .Where(p => p.TryGetProperty("network_isolation_key", out var key) && key.GetString()!.StartsWith("file://", StringComparison.Ordinal))
            .Select(p => p.GetProperty("url").GetString()!)
            .Where(url => !url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal))
            .ToList();
    }

    string RunChromium(params string[] arguments) => RunChromium(_html, true, arguments);

    string RunChromium(string page, bool offline, params string[] arguments)
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
        info.ArgumentList.Add(new Uri(page).AbsoluteUri);
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
        if (offline) Assert.That(output, Does.Not.Contain("net::ERR_"), "the page failed to load something");
        return output;
    }
}
