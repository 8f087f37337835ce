using System.Text.Json.Nodes;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Lineage;

namespace Sparkify.Pipeline.Tests.Lineage;

/// The OpenLineage events of one target: valid against the spec's schema, datasets named by its conventions, row counts.
[Description("Issue 16: lineage for other tools too")]
public class OpenLineageEventTests
{
    static readonly S3Settings S3 = new(new S3Location("udacity-dend", "log_data"), new S3Location("udacity-dend", "log_json_path.json"),
        new S3Location("udacity-dend", "song_data"), "us-west-2");
    static readonly DatasetNames Local = DatasetNames.Local(S3, "sparkify-local", 5439, "sparkify");
    static readonly DateTimeOffset Start = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    static readonly JsonObject Summary = new()
    {
        ["loads"] = new JsonArray(
            new JsonObject { ["table"] = "staging_events", ["rows"] = 8056, ["objects_listed"] = 30, ["bytes"] = 3755598L },
            new JsonObject { ["table"] = "staging_songs", ["rows"] = 71, ["objects_listed"] = 71, ["bytes"] = 19221 }),
        ["transform"] = new JsonObject
        {
            ["tables"] = new JsonObject
            {
                ["songplays"] = new JsonObject { ["inserted"] = 6800, ["updated"] = 20, ["deleted"] = 3 },
                ["users"] = new JsonObject { ["inserted"] = 97, ["updated"] = 0, ["deleted"] = 0 },
            },
        },
    };

    static IReadOnlyList<JsonObject> Events(string target, bool succeeded = true, DatasetNames? names = null) =>
        OpenLineageEvent.ForTarget(target, "20261201T200000Z-abcd1234", "Etl", Start, Start.AddSeconds(3), succeeded, names ?? Local, s => Summary[s]);

    [TestCase("CreateTables"), TestCase("StageCopy"), TestCase("Transform"), TestCase("Verify"), TestCase("Report")]
    public void Each_targets_start_and_complete_validate_against_the_openlineage_schema(string target)
    {
        var events = Events(target);

        Assert.That(events.Select(e => e["eventType"]!.GetValue<string>()), Is.EqualTo(new[] { "START", "COMPLETE" }));
        foreach (var e in events) Assert.That(OpenLineageSchema.Errors(e), Is.Empty, e.ToJsonString());
        Assert.That(events[0]["run"]!["runId"]!.GetValue<string>(), Is.EqualTo(events[1]["run"]!["runId"]!.GetValue<string>()));
    }

    [Test]
    public void A_failed_target_ends_with_fail_and_still_validates()
    {
        var events = Events("Transform", succeeded: false);

        Assert.That(events[1]["eventType"]!.GetValue<string>(), Is.EqualTo("FAIL"));
        Assert.That(OpenLineageSchema.Errors(events[1]), Is.Empty);
    }

    [TestCase("runId", "not-a-uuid")]
    [TestCase("eventTime", "yesterday")]
    [TestCase("eventType", "DONE")]
    public void The_schema_rejects_an_event_with_a_broken_member(string member, string value)
    {
        var broken = Events("StageCopy")[1].DeepClone().AsObject();
        if (member == "runId") broken["run"]!["runId"] = value;
        else broken[member] = value;

        Assert.That(OpenLineageSchema.Errors(broken), Is.Not.Empty);
    }

    [Test]
    public void The_schema_rejects_a_facet_without_producer()
    {
        var broken = Events("StageCopy")[1].DeepClone().AsObject();
        broken["outputs"]![0]!["outputFacets"]!["outputStatistics"]!.AsObject().Remove("_producer");

        Assert.That(OpenLineageSchema.Errors(broken), Is.Not.Empty);
    }

    [Test]
    public void StageCopy_reads_s3_prefixes_and_writes_postgres_tables_named_by_the_conventions()
    {
        var complete = Events("StageCopy")[1];

        Assert.That(Datasets(complete, "inputs"), Is.EqualTo(new[] { "s3://sparkify-local | log_data", "s3://sparkify-local | song_data" }));
        Assert.That(Datasets(complete, "outputs"), Is.EqualTo(new[]
        {
            "postgres://127.0.0.1:5439 | sparkify.public.staging_events", "postgres://127.0.0.1:5439 | sparkify.public.staging_songs",
        }));
    }

    [Test]
    public void On_redshift_tables_are_named_by_cluster_region_and_port_and_s3_by_the_configured_bucket()
    {
        var names = DatasetNames.Redshift(S3, "sparkify-dwh", "us-west-2", 5439, "sparkify");

        var complete = Events("StageCopy", names: names)[1];

        Assert.That(Datasets(complete, "inputs"), Is.EqualTo(new[] { "s3://udacity-dend | log_data", "s3://udacity-dend | song_data" }));
        Assert.That(Datasets(complete, "outputs")[0], Is.EqualTo("redshift://sparkify-dwh.us-west-2:5439 | sparkify.public.staging_events"));
    }

    [Test]
    public void Row_counts_are_output_statistics_staged_rows_and_rows_the_transform_wrote()
    {
        var staged = Events("StageCopy")[1];
        var transformed = Events("Transform")[1];

        Assert.That(RowCount(staged, "sparkify.public.staging_events"), Is.EqualTo(8056));
        Assert.That(RowCount(staged, "sparkify.public.staging_songs"), Is.EqualTo(71));
        Assert.That(staged["inputs"]![0]!["inputFacets"]!["inputStatistics"]!["fileCount"]!.GetValue<long>(), Is.EqualTo(30));
        Assert.That(RowCount(transformed, "sparkify.public.songplays"), Is.EqualTo(6820), "inserted + updated");
        Assert.That(RowCount(transformed, "sparkify.public.users"), Is.EqualTo(97));
        Assert.That(Events("StageCopy")[0]["outputs"]![0]!["outputFacets"], Is.Null, "a START knows no counts yet");
    }

    [Test]
    public void Targets_of_one_invocation_share_the_parent_run_and_differ_in_their_own()
    {
        var stage = Events("StageCopy")[0];
        var transform = Events("Transform")[0];

        Assert.That(stage["run"]!["facets"]!["parent"]!["run"]!["runId"]!.GetValue<string>(),
            Is.EqualTo(transform["run"]!["facets"]!["parent"]!["run"]!["runId"]!.GetValue<string>()));
        Assert.That(stage["run"]!["runId"]!.GetValue<string>(), Is.Not.EqualTo(transform["run"]!["runId"]!.GetValue<string>()));
        Assert.That(stage["run"]!["facets"]!["parent"]!["job"]!["name"]!.GetValue<string>(), Is.EqualTo("Etl"));
        Assert.That(stage["eventTime"]!.GetValue<string>(), Is.EqualTo("2026-12-01T20:00:00.000Z"));
    }

    static string[] Datasets(JsonObject e, string side) =>
        e[side]!.AsArray().Select(d => $"{d!["namespace"]} | {d["name"]}").ToArray();

    static long RowCount(JsonObject e, string name) =>
        e["outputs"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == name)!["outputFacets"]!["outputStatistics"]!["rowCount"]!.GetValue<long>();
}
