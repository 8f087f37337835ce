using System.Diagnostics;
using System.Text.Json;

namespace Sparkify.Pipeline.Tests.Targets;

/// ./build.sh Connect prints a psql command that works as printed, with the password in a 0600 file and nowhere else.
[NonParallelizable]
public class ConnectTests
{
    [Test]
    [Category("Slow")]
    public void The_printed_psql_command_connects_read_only_and_with_owner_as_the_owner_without_the_password_on_any_command_line()
    {
        using var build = new BuildScript();
        var created = build.Run("CreateTables");
        Assert.That(created.ExitCode, Is.EqualTo(0), created.Output);

        var reader = build.Run("Connect");
        var owner = build.Run("Connect", "--owner=true"); // a bare --owner waits for the bare-flag fix of issue 10 (2)

        Assert.That(reader.ExitCode, Is.EqualTo(0), reader.Output);
        Assert.That(owner.ExitCode, Is.EqualTo(0), owner.Output);
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(build.StateDir, "state-local.json"))).RootElement;
        foreach (var secret in new[] { "reader_password", "local_owner_password", "local_owner_password" })
        {
            Assert.That(reader.Output + owner.Output, Does.Not.Contain(state.GetProperty(secret).GetString()!), secret);
            Assert.That(PsqlCommand(reader), Does.Not.Contain(state.GetProperty(secret).GetString()!), secret);
        }
        var pgpass = Path.Combine(build.StateDir, "pgpass-local-sparkify_reader");
        Assert.That(File.GetUnixFileMode(pgpass), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));

        var read = Psql(PsqlCommand(reader), "select current_user, count(*) from songplays");
        Assert.That(read.Code, Is.EqualTo(0), read.Output);
        Assert.That(read.Output.Trim(), Is.EqualTo("sparkify_reader|0"));
        var write = Psql(PsqlCommand(reader), "delete from etl_runs");
        Assert.That(write.Code, Is.Not.EqualTo(0));
        Assert.That(write.Output, Does.Contain("permission denied for table etl_runs"));
        var asOwner = Psql(PsqlCommand(owner), "select current_user, rolsuper from pg_roles where rolname = current_user");
        Assert.That(asOwner.Output.Trim(), Is.EqualTo("sparkify_admin|f"));

        var teardown = build.Run("Teardown");
        Assert.That(teardown.ExitCode, Is.EqualTo(0), teardown.Output);
        Assert.That(File.Exists(pgpass), Is.False, "Teardown left the pgpass file");
    }

    static string PsqlCommand(BuildResult result)
    {
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return lines[lines.IndexOf("psql:") + 1];
    }

    /// Runs the printed command as a user pastes it into a shell, adding only psql's own query flags.
    static (int Code, string Output) Psql(string command, string sql)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"{command} -X -A -t -v ON_ERROR_STOP=1 -c \"$0\"");
        info.ArgumentList.Add(sql);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
