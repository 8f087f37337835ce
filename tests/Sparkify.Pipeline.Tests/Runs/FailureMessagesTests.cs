using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// Issue 24, rule 5: failures say what happened. A full disk (a real one: a small tmpfs) is named with where and how
/// much is free, without a stack trace; a Ctrl+C that lands as a step commits is "finished before the cancel", never
/// also rolled back; data values never reach the console with raw control characters.
/// </summary>
[NonParallelizable]
public class FailureMessagesTests
{
    [Test]
    [Description("issue 24: a full disk read 'StageCopy failed unexpectedly: … 53100: could not extend file' with a stack trace")]
    public async Task A_warehouse_disk_that_fills_is_named_with_where_and_how_much_is_free_and_the_committed_rows_stay()
    {
        using var dir = new TempDir("full");
        using var disk = SmallDisk.Mount(dir.File("disk"), "postgres");
        var db = await PostgresFixture.NewDatabaseAsync("full");
        var space = $"full_{Guid.NewGuid():N}"[..14];
        await ExecuteAsync(db, $"create tablespace {space} location '{disk.Path}'");
        try
        {
            await ExecuteAsync(db, $"create table filled (v text) tablespace {space}; insert into filled values ('kept')");
            var full = Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db,
                "insert into filled select repeat(md5(i::text), 40) from generate_series(1, 2000000) i"));
            Assert.That(full!.SqlState, Is.EqualTo("53100"), "the disk did not fill: " + full.MessageText);
            using var run = InProcessRun.Create(dir, TextWriter.Null);

            var e = Assert.ThrowsAsync<PipelineException>(() => run.Boundary<bool>("StageCopy", () => throw full));

            Assert.That(e!.Message, Does.StartWith("StageCopy stopped: a disk is full (SQLSTATE 53100: could not extend file"));
            Assert.That(e.Message, Does.Contain(" free in ").And.Contain("rolled back").And.Not.Contain("   at "));
            Assert.That(await ScalarAsync(db, "select string_agg(v, ',') from filled"), Is.EqualTo("kept"));
        }
        finally
        {
            await ExecuteAsync(db, $"drop table if exists filled");
            await ExecuteAsync(PostgresFixture.AdminAsync().Result, $"drop tablespace if exists {space}");
        }
    }

    [Test]
    public void A_file_write_that_fills_the_disk_is_named_with_the_free_space_of_the_folders_the_run_writes()
    {
        using var dir = new TempDir("full");
        using var disk = SmallDisk.Mount(dir.File("disk"), "root");
        var enospc = Assert.Throws<IOException>(() => File.WriteAllBytes(Path.Combine(disk.Path, "big"), new byte[8 * 1024 * 1024]));
        using var run = InProcessRun.Create(dir, TextWriter.Null);

        var e = Assert.ThrowsAsync<PipelineException>(() => run.Boundary<bool>("Report", () => throw enospc!));

        Assert.That(e!.Message, Does.StartWith("Report stopped: a disk is full (ENOSPC: "));
        Assert.That(e.Message, Does.Contain($"free in {dir.File("artifacts")} (--artifacts)").And.Not.Contain("   at "));
    }

    [Test]
    public void A_data_value_with_control_characters_is_printed_escaped_on_its_own_line()
    {
        const string value = "ok\nStopped PostgreSQL (forged)\r\u001b[2J\u2028";
        var table = TextTable.Format(new QueryResult(["v"], [false], [[value]]));
        var error = new LoadError("staging_events", "log_data/x\n.json", 3, "artist", "varchar", 256, "{}", value, 1204, "too long");
        var sink = new StringWriter();
        new PipelineLog(sink).Information($"raw in a message: {value}");

        Assert.That(table[2], Is.EqualTo(@"ok\nStopped PostgreSQL (forged)\r\e[2J\u2028"));
        Assert.That(error.ToString(), Does.Contain(@"log_data/x\n.json line 3").And.Contain(@"value 'ok\nStopped PostgreSQL (forged)\r\e[2J\u2028'"));
        // Characters compared one by one: culture-aware string search ignores control characters.
        Assert.That(sink.ToString().Where(c => c is '\r' or '\u001b' or '\u2028'), Is.Empty, "the sink let a control character through");
    }

    [Test]
    [Category("Slow")]
    public void Query_output_escapes_a_newline_and_an_escape_inside_a_value()
    {
        using var build = new BuildScript();
        Assert.That(build.Run("CreateTables").ExitCode, Is.EqualTo(0));

        var result = build.Run("Query", "--sql=select E'ok\\nError: forged line\\x1b[31m' as v");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Raw, Does.Contain(@"ok\nError: forged line\e[31m"));
        Assert.That(result.Raw.Split('\n').Any(l => l.StartsWith("Error: forged")), Is.False, "a value forged a line of its own");
        Assert.That(result.Raw.Contains('\u001b'), Is.False, "an escape character reached the console raw");
    }

    static async Task ExecuteAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<object?> ScalarAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// A real, small file system (tmpfs, 4 MB), mounted for one test and owned by <paramref name="owner"/>: root only.
    sealed class SmallDisk : IDisposable
    {
        public string Path { get; }

        SmallDisk(string path) => Path = path;

        public static SmallDisk Mount(string path, string owner)
        {
            Assert.That(Environment.UserName, Is.EqualTo("root"), "a full disk is made with mount -t tmpfs, which needs root");
            Directory.CreateDirectory(path);
            Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", path);
            Run("chown", $"{owner}:{owner}", path);
            return new SmallDisk(path);
        }

        static void Run(params string[] command)
        {
            using var process = Process.Start(new ProcessStartInfo(command[0], command[1..]) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.EqualTo(0), $"{string.Join(' ', command)}: {error}");
        }

        public void Dispose() => Run("umount", "-l", Path);
    }
}
