using System.Collections;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// The exact COPY statements Redshift receives; no Redshift here, so the SQL text itself is what is tested.
public class RedshiftCopyTests
{
    const string Role = PinnedCopy.Role;

    static DwhConfig RepoConfig(params ConfigValue[] overrides) =>
        DwhConfig.FromFile(Path.Combine(Repo.Root, "dwh.cfg"), new Hashtable(), overrides);

    static IReadOnlyList<CopyCommand> Copies(DwhConfig config) =>
        StagingCopies.For(config.S3.LogData.ToString(), config.S3.LogJsonPath.ToString(), config.S3.SongData.ToString(), CopyOptions.FromConfig(config));

    [Test]
    public void Statements_for_the_repository_dwh_cfg_are_pinned()
    {
        var copies = Copies(RepoConfig());

        Assert.That(RedshiftCopy.Statement(LoadTestKit.Sql, copies[0], Role), Is.EqualTo(
            PinnedCopy.Statement("staging_events", PinnedCopy.EventColumns, "s3://udacity-dend/log_data", "s3://udacity-dend/log_json_path.json")));
        Assert.That(RedshiftCopy.Statement(LoadTestKit.Sql, copies[1], Role), Is.EqualTo(
            PinnedCopy.Statement("staging_songs", PinnedCopy.SongColumns, "s3://udacity-dend/song_data", "auto")));
    }

    [Test]
    public void Every_option_appears_when_set()
    {
        var options = new CopyOptions
        {
            Format = CopyFormat.AutoIgnoreCase, TimeFormat = TimeFormat.Parse("YYYY-MM-DD HH:MI:SS"), DateFormat = DateFormat.Parse("MM/DD/YYYY"),
            AcceptInvChars = true, InvCharReplacement = '^', TruncateColumns = true, RoundDecimals = true, IgnoreHeader = 2, Gzip = true, Manifest = true,
            MaxError = 10, CompUpdate = true, StatUpdate = true,
        };

        var sql = RedshiftCopy.Statement(LoadTestKit.Sql, new CopyCommand("t", "s3://bucket/load.manifest", options), Role);

        Assert.That(sql, Is.EqualTo($"""
            copy t
            from 's3://bucket/load.manifest'
            iam_role '{Role}'
            format as json 'auto ignorecase'
            dateformat as 'MM/DD/YYYY'
            timeformat as 'YYYY-MM-DD HH:MI:SS'
            acceptinvchars as '^'
            truncatecolumns
            roundec
            ignoreheader as 2
            gzip
            manifest
            maxerror as 10
            compupdate on
            statupdate on
            """));
    }

    [Test]
    [Description("issue 14: ROUNDEC, [LOAD] round_decimals, default false (Redshift truncates by default)")]
    public void Round_decimals_adds_roundec_and_is_off_by_default()
    {
        var off = RedshiftCopy.Statement(LoadTestKit.Sql, Copies(RepoConfig())[1], Role);
        var on = RedshiftCopy.Statement(LoadTestKit.Sql, Copies(RepoConfig(new ConfigValue("LOAD", "round_decimals", "true", "command line --LOAD:round_decimals")))[1], Role);

        Assert.That(off, Does.Not.Contain("roundec"));
        Assert.That(on.Split('\n'), Does.Contain("roundec"));
        Assert.That(() => RepoConfig(new ConfigValue("LOAD", "round_decimals", "maybe", "command line --LOAD:round_decimals")),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("round_decimals"));
    }

    [Test]
    [Description("issue 25: [LOAD] dateformat, timeformat strings, accept_inv_chars(_replacement) and ignore_header reach the COPY")]
    public void Load_settings_of_round_3_reach_the_copy_statement()
    {
        var config = RepoConfig(
            new ConfigValue("LOAD", "dateformat", "MON DD, YYYY", "command line --LOAD:dateformat"),
            new ConfigValue("LOAD", "timeformat", "MM.DD.YYYY HH12:MI:SS AM", "command line --LOAD:timeformat"),
            new ConfigValue("LOAD", "accept_inv_chars", "true", "command line --LOAD:accept_inv_chars"),
            new ConfigValue("LOAD", "ignore_header", "1", "command line --LOAD:ignore_header"));

        var lines = RedshiftCopy.Statement(LoadTestKit.Sql, Copies(config)[1], Role).Split('\n');

        Assert.That(lines, Does.Contain("dateformat as 'MON DD, YYYY'").And.Contain("timeformat as 'MM.DD.YYYY HH12:MI:SS AM'")
            .And.Contain("acceptinvchars").And.Contain("ignoreheader as 1"));
        var quoted = RepoConfig(new ConfigValue("LOAD", "accept_inv_chars", "true", "command line"), new ConfigValue("LOAD", "accept_inv_chars_replacement", "'", "command line"));
        Assert.That(RedshiftCopy.Statement(LoadTestKit.Sql, Copies(quoted)[1], Role).Split('\n'), Does.Contain("acceptinvchars as ''''"));
        var off = RedshiftCopy.Statement(LoadTestKit.Sql, Copies(RepoConfig(new ConfigValue("LOAD", "dateformat", "", "command line")))[1], Role);
        Assert.That(off, Does.Not.Contain("dateformat").And.Not.Contain("acceptinvchars").And.Not.Contain("ignoreheader"));
    }

    [TestCase("dateformat", "AUTO", "is not auto (case-sensitive) or a format string")]
    [TestCase("dateformat", "DD.MM.YYYYTHH", "holds 'THH' at position 11, which is no datepart or timepart")]
    [TestCase("dateformat", "MM/DD", "needs a year (YYYY or YY), a month (MM or MON) and a day (DD)")]
    [TestCase("timeformat", "YYYY-MM-DD HH:MI:SSOF", "holds a time zone specifier (TZ, OF)")]
    [TestCase("timeformat", "Epochsecs", "is not auto, epochsecs, epochmillisecs (case-sensitive)")]
    [TestCase("timeformat", "YYYY-MM-DD HH12:MI:SS", "needs HH12 and AM or PM together")]
    [TestCase("timeformat", "YYYY-MM-DD HH:MI:SS.SS", "gives the second twice")]
    [TestCase("accept_inv_chars_replacement", "é", "is not one printable ASCII character (Redshift: any ASCII character except NULL, so no multibyte character")]
    [TestCase("accept_inv_chars_replacement", "??", "is not one printable ASCII character")]
    [TestCase("accept_inv_chars", "maybe", "is not true or false")]
    [TestCase("ignore_header", "-1", "is not a whole number from 0 to")]
    [Description("issue 25: a wrong [LOAD] value fails before any work, naming the key, where it was set and what is wrong")]
    public void A_wrong_round_3_load_setting_is_refused_naming_key_and_origin(string key, string value, string problem)
    {
        Assert.That(() => RepoConfig(new ConfigValue("LOAD", key, value, $"command line --LOAD:{key}")),
            Throws.InstanceOf<PipelineException>().With.Message.Contains($"command line --LOAD:{key} '{value}' ").And.Message.Contains(problem));
    }

    [Test]
    public void A_wrong_load_setting_in_the_file_names_the_file_and_line()
    {
        using var dir = new SourceDir();
        var text = File.ReadAllText(Path.Combine(Repo.Root, "dwh.cfg")).Replace("dateformat = auto", "dateformat = YYYY-MM-DD HH:MI:SS TZ");
        dir.Write("dwh.cfg", text);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("dateformat", StringComparison.Ordinal)) + 1;

        Assert.That(() => DwhConfig.FromFile(dir.Path("dwh.cfg"), new Hashtable(), []),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("[LOAD] dateformat 'YYYY-MM-DD HH:MI:SS TZ' is not auto (case-sensitive) or a format string: it holds a time zone specifier")
                .And.Message.Contains($"(line {line})"));
    }

    [Test]
    public void A_semicolon_in_a_key_stays_inside_the_literal()
    {
        var config = RepoConfig(new ConfigValue("S3", "log_data", "s3://udacity-dend/log;drop table users;--", "command line --S3:log_data"));

        var sql = RedshiftCopy.Statement(LoadTestKit.Sql, Copies(config)[0], Role);

        Assert.That(sql.Split('\n')[1], Is.EqualTo("from 's3://udacity-dend/log;drop table users;--'"));
    }

    [TestCase("s3://udacity-dend/log'; drop table users; --")]
    [TestCase("s3://udacity-dend/log\ndrop table users")]
    public void Config_values_with_quotes_or_newlines_are_rejected_before_any_sql(string value)
    {
        Assert.That(() => RepoConfig(new ConfigValue("S3", "log_data", value, "command line --S3:log_data")),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("command line --S3:log_data"));
    }

    [Test]
    public void Literals_double_single_quotes_and_refuse_control_characters_and_backslashes()
    {
        Assert.That(RedshiftCopy.Literal("it's"), Is.EqualTo("'it''s'"));
        Assert.That(() => RedshiftCopy.Literal("a\nb"), Throws.InstanceOf<PipelineException>());
        Assert.That(() => RedshiftCopy.Literal("a\\'b"), Throws.InstanceOf<PipelineException>());
    }

    [TestCase("us-west-2' iam_role 'x")]
    [TestCase("us-west-2\n")]
    public void A_region_that_is_not_a_region_is_rejected(string region)
    {
        var copy = new CopyCommand("t", "s3://bucket/x", new CopyOptions { Region = region });

        Assert.That(() => RedshiftCopy.Statement(LoadTestKit.Sql, copy, Role), Throws.InstanceOf<PipelineException>().With.Message.Contains("is not an AWS region"));
    }

    [TestCase("arn:aws:iam::123456789012:role/x' gzip '")]
    [TestCase("not-an-arn")]
    [TestCase("arn:aws:iam::123456789012:role/x\n")]
    public void A_role_that_is_not_a_role_arn_is_rejected(string role)
    {
        Assert.That(() => RedshiftCopy.Statement(LoadTestKit.Sql, new CopyCommand("t", "s3://bucket/x", new CopyOptions()), role),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("is not an IAM role ARN"));
    }

    [Test]
    public void Table_names_local_paths_and_date_windows_are_refused_for_redshift()
    {
        var options = new CopyOptions();
        Assert.That(() => RedshiftCopy.Statement(LoadTestKit.Sql, new CopyCommand("t; drop", "s3://bucket/x", options), Role),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("is not a plain lower-case name"));
        Assert.That(() => RedshiftCopy.Statement(LoadTestKit.Sql, new CopyCommand("t", "/tmp/data", options), Role),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("s3://bucket/prefix addresses only"));
        Assert.That(() => RedshiftCopy.Statement(LoadTestKit.Sql, new CopyCommand("t", "s3://bucket/x", options, DateWindow.Parse("2018-11-01", null)), Role),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("--from/--to"));
    }

    [Test]
    public void Failure_message_lists_the_first_load_errors()
    {
        var errors = new[]
        {
            new LoadError("staging_events", "s3://udacity-dend/log_data/2018/11/2018-11-02-events.json", 17, "item_in_session", "int4", 0,
                "{...}", "x7", 1207, "Invalid digit, Value 'x', Pos 0, Type: Integer"),
        };

        var message = RedshiftCopy.Describe("staging_events", "Load into table 'staging_events' failed.  Check 'stl_load_errors' system table for details.", errors);

        Assert.That(message, Does.Contain("COPY into staging_events failed").And.Contain("nothing of staging_events was committed")
            .And.Contain("s3://udacity-dend/log_data/2018/11/2018-11-02-events.json line 17, column item_in_session: Invalid digit, Value 'x', Pos 0, Type: Integer (code 1207), value 'x7'"));
    }
}
