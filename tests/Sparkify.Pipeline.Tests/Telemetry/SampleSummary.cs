using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Tests.Telemetry;

/// A made-up run summary in the schema RunSummary writes: an Etl whose StageCopy loaded two tables and whose Verify
/// found <paramref name="failedChecks"/> failed checks.
static class SampleSummary
{
    public static JsonObject Etl(int failedChecks = 0, string stageCopy = "succeeded", int loadErrors = 0, long rejected = 0)
    {
        var verify = failedChecks > 0 ? "failed" : "succeeded";
        var targets = new (string Name, string Status, double Seconds)[]
        {
            ("Provision", "skipped", 0), ("CreateTables", "succeeded", 0.5), ("StageCopy", stageCopy, 3.25),
            ("Transform", "succeeded", 0.75), ("Verify", verify, 0.5), ("Report", "cancelled", 1),
        };
        var start = new DateTimeOffset(2026, 12, 1, 20, 18, 8, TimeSpan.Zero);
        var offset = 0.0;
        var list = new JsonArray();
        foreach (var t in targets)
        {
            list.Add(new JsonObject
            {
                ["name"] = t.Name, ["status"] = t.Status, ["seconds"] = t.Seconds, ["started_at"] = start.AddSeconds(offset).ToString("O"),
            });
            offset += t.Seconds;
        }
        var quality = new JsonArray(new JsonObject { ["check"] = "users_level_free_or_paid", ["status"] = "passed", ["violations"] = 0, ["rows"] = new JsonArray() });
        for (var i = 0; i < failedChecks; i++)
            quality.Add(new JsonObject
            {
                ["check"] = i == 0 ? "songplays_user_in_users" : $"made_up_check_{i}", ["status"] = "FAILED", ["violations"] = 1,
                ["rows"] = new JsonArray("songplay_id=7, user_id=999999"),
            });
        var errors = new JsonArray();
        for (var i = 0; i < loadErrors; i++)
            errors.Add(new JsonObject
            {
                ["table"] = "staging_events", ["file"] = $"s3://sparkify-local/log_data/2018/11/2018-11-0{i % 9 + 1}-events.json",
                ["line"] = 10 + i, ["column"] = "ts", ["value"] = "x,y:z", ["code"] = 1206, ["reason"] = "Invalid timestamp format",
            });
        return new JsonObject
        {
            ["run_id"] = "20261201T201808Z-666da0db", ["profile"] = "local",
            ["status"] = failedChecks > 0 || stageCopy == "failed" ? "failed" : "succeeded",
            ["started_at"] = start.ToString("O"), ["finished_at"] = start.AddSeconds(offset + 0.5).ToString("O"),
            ["targets"] = list,
            ["tables"] = new JsonObject { ["staging_events"] = 7690, ["songplays"] = 6502, ["time"] = null },
            ["loads"] = new JsonArray(
                new JsonObject { ["table"] = "staging_events", ["rows"] = 7690, ["objects_listed"] = 30,
                    ["objects"] = new JsonObject { ["added"] = 1, ["changed"] = 2, ["removed"] = 3, ["unchanged"] = 24, ["rejected"] = 1 },
                    ["bytes"] = 3504513L, ["rejected"] = rejected },
                new JsonObject { ["table"] = "staging_songs", ["rows"] = 71, ["objects_listed"] = 71, ["bytes"] = 17000L, ["rejected"] = 0 }),
            ["load_errors"] = errors,
            ["transform"] = new JsonObject
            {
                ["tables"] = new JsonObject
                {
                    ["users"] = new JsonObject { ["inserted"] = 81, ["updated"] = 4, ["deleted"] = 0 },
                    ["songplays"] = new JsonObject { ["inserted"] = 6502, ["updated"] = 0, ["deleted"] = 0 },
                },
            },
            ["quality"] = quality,
        };
    }
}
