using System.Diagnostics;
using System.Text.RegularExpressions;
using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Tests.Reporting;

namespace Sparkify.Pipeline.Tests.Quality;

/// <summary>
/// A user sees which rows broke a check: after ./build.sh Etl on the real sample, the owner role plants a fact whose
/// user is in no row of users; Verify (alone, so Transform does not rebuild the fact away) fails, and that fact's key
/// is in its console output, in the check's CSV and in the data docs of the next Report.
/// </summary>
[Description("Issue 28: the 'Done when' of the failing rows")]
public class PlantedViolationAcceptanceTests : EtlOnTheSample
{
    string _songplayId = "";
    BuildResult _verify = null!;
    BuildResult _report = null!;
    (int ExitCode, string Screen) _tty;

    /// Redirected, and NO_COLOR unset: the Etl's progress must stay plain lines all the same.
    protected override IReadOnlyDictionary<string, string?> EtlEnvironment => new Dictionary<string, string?> { ["NO_COLOR"] = null };

    [OneTimeSetUp]
    public async Task PlantAFactWithAnUnknownUserAndVerify()
    {
        _tty = OnATerminal("StageCopy", "--force", $"--sample={SampleFolder}");
        _songplayId = (await BuildWarehouse.RowsAsync(Build, """
            insert into songplays (start_time, user_id, level, session_id, item_in_session)
            values (timestamp '2018-11-15 12:00:00', 'ghost-28', 'free', 99028, 0)
            returning songplay_id
            """)).Single();
        _verify = Build.Run("Verify", "--exclusive");
        _report = Build.Run("Report");
    }

    /// ./build.sh run under script(1), so its output is a terminal (a pseudo-terminal of 80 columns).
    (int ExitCode, string Screen) OnATerminal(params string[] words)
    {
        var screen = Path.Combine(Build.ArtifactsDir, "..", "terminal.log");
        var command = string.Join(' ', new[] { Path.Combine(Repo.Root, "build.sh") }.Concat(words).Concat(Build.IsolationArguments)
            .Select(w => "'" + w.Replace("'", "'\\''") + "'"));
        var info = new ProcessStartInfo("script") { WorkingDirectory = Repo.Root, UseShellExecute = false, RedirectStandardOutput = true,
            RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "-qec", command, screen }) info.ArgumentList.Add(a);
        info.Environment.Remove("NO_COLOR");
        info.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(info) ?? throw new AssertionException("script(1) (util-linux) is needed to run ./build.sh on a terminal");
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, File.ReadAllText(screen));
    }

    [Test]
    [Description("Issue 28: redirected, the loads' progress is plain lines with no escape bytes")]
    public void Redirected_the_etl_output_carries_no_escape_bytes()
    {
        Assert.That(Etl.Raw, Does.Contain("Executing COPY into staging_events"));
        Assert.That(Etl.Raw.Contains('\u001b'), Is.False, () => Etl.Raw.Replace("\u001b", "<ESC>"));
    }

    [Test]
    [Description("Issue 28: on a terminal, a progress display that never runs together with the log lines")]
    public void On_a_terminal_stagecopy_draws_a_progress_display_with_each_log_line_whole_above_it()
    {
        Assert.That(_tty.ExitCode, Is.EqualTo(0), _tty.Screen);
        Assert.That(Regex.IsMatch(_tty.Screen, @"staging_events: \d+/\d+ objects, [\d,]+ rows, [^\r\n]*100%"), Is.True,
            () => $"the display drew no bar to 100%:\n{_tty.Screen.Replace("\u001b", "<ESC>")}");
        Assert.That(_tty.Screen, Does.Contain("\u001b[?25l"), "the display hid the cursor while it ran");
        foreach (var line in new[] { "Executing COPY into staging_events from", "Executing COPY into staging_songs from" })
            Assert.That(Regex.IsMatch(_tty.Screen, $@"(\r?\n|\x1B\[[0-9;?]*[A-Za-z]){Regex.Escape(line)} s3://[^\r\n\x1B]+\r?\n"), Is.True,
                $"'{line}' ran together with the display:\n{_tty.Screen.Replace("\u001b", "<ESC>")}");
    }

    [Test]
    public void Verify_fails_and_its_console_output_names_the_planted_facts_key()
    {
        Assert.That(_verify.ExitCode, Is.EqualTo(1), _verify.Output);
        Assert.That(_verify.Output, Does.Contain("sql/quality/songplays_user_in_users.sql: 1 offending rows"));
        Assert.That(_verify.Output, Does.Contain($"songplay_id={_songplayId}, user_id=ghost-28"));
        Assert.That(_verify.Output, Does.Contain("songplays_user_in_users: 1"), "the last line names the failed check");
    }

    [Test]
    public void The_checks_csv_holds_the_planted_facts_key()
    {
        var csv = File.ReadAllLines(Path.Combine(Build.ArtifactsDir, "failed", "songplays_user_in_users.csv"));

        Assert.That(csv, Is.EqualTo(new[] { "songplay_id,user_id", $"{_songplayId},ghost-28" }));
    }

    [Test]
    public void The_data_docs_show_the_failed_check_with_the_planted_facts_key()
    {
        Assert.That(_report.ExitCode, Is.EqualTo(0), _report.Output);
        var html = File.ReadAllText(Path.Combine(Build.ArtifactsDir, "report", "index.html"));
        var start = html.IndexOf("<h3 id=\"check-songplays_user_in_users\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "the check has its own block");
        var block = html[start..html.IndexOf("<h3", start + 4, StringComparison.Ordinal)];

        Assert.That(block, Does.Contain("<span class=\"status-failed\">failed</span>"));
        Assert.That(HtmlRows.Of(block), Is.EqualTo(new[] { new[] { _songplayId, "ghost-28" } }));
        Assert.That(block, Does.Contain("<a href=\"../failed/songplays_user_in_users.csv\">"));
    }

    [Test]
    public void The_trend_of_the_check_shows_the_passing_etl_then_the_failing_verify()
    {
        var html = File.ReadAllText(Path.Combine(Build.ArtifactsDir, "report", "index.html"));
        var start = html.IndexOf("<section id=\"trends\"", StringComparison.Ordinal);
        var rows = HtmlRows.Of(html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)]).ToDictionary(r => r[0]);

        Assert.That((rows["songplays_user_in_users"][2], rows["songplays_user_in_users"][4]), Is.EqualTo(("1", "2")));
        Assert.That(rows["songplays"][3], Is.EqualTo("6,820 – 6,821"));
    }
}
