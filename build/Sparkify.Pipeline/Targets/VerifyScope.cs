using System.Text.Json.Nodes;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Which days a Verify must check (PostgreSQL). Full, unless the write marks prove that since the last passing Verify of
/// the same checks the only writes were staging loads that trusted their ledger and one daily Transform that only added
/// days (<see cref="DailyTransformStamp"/>): then nothing outside its changed days can have changed, and the checks of
/// facts, time rows and the staging reconciliation read those days only. docs/reruns.md ("A scoped daily Verify") has
/// the rule and why each link of the chain is needed.
/// </summary>
sealed record VerifyScope(IReadOnlyList<DateWindow>? Days, string Why)
{
    const string StagingEvents = "staging_events";

    /// The span of the changed days (the checks bind it as @from_ms/@to_ms and @days_from_ms/@days_to_ms), or null.
    public EventRange? Range => Days is null ? null : EventRange.Of(new DateWindow(Days.Min(d => d.From), Days.Max(d => d.To)));

    public override string ToString() => Days is null ? $"full ({Why})" : $"scoped to {string.Join(", ", Days)} ({Why})";

    /// The run summary's "verify_scope".
    public JsonObject ToJson() => new()
    {
        ["scope"] = Days is null ? "full" : "days",
        ["days"] = Days is null ? null : new JsonArray([.. Days.Select(d => (JsonNode?)d.ToString())]),
        ["because"] = Why,
    };

    public static VerifyScope Full(string why) => new(null, why);

    public static async Task<VerifyScope> ReadAsync(WarehouseEndpoint warehouse, SqlFiles sql, VerifyStamp stamp, CancellationToken ct)
    {
        if (stamp.Marks is null) return Full("the tables' writes are not counted in this warehouse");
        if (!stamp.Range.Full) return Full("a window or the days staging holds");
        await using var connection = await warehouse.OpenAsync(ct);
        if (await UpToDate.RecordedAsync(connection, sql, VerifyStamp.Step, ct) is not { } passed || passed.Inputs != stamp.Inputs)
            return Full("no passing Verify of these checks on this build to build on");
        if (await UpToDate.RecordedAsync(connection, sql, DailyTransformStamp.Step, ct) is not { } daily || daily.Marks != stamp.Marks)
            return Full($"the last write since run {passed.Stamp.RunId}'s passing Verify was not a daily Transform");
        var before = TableMarks.Parse(daily.Stamp.Result["before"]?.GetValue<string>() ?? "");
        var verified = TableMarks.Parse(passed.Marks);
        var load = await UpToDate.RecordedAsync(connection, sql, LoadStamp.Step(StagingEvents), ct) is { } l ? TableMarks.Parse(l.Marks) : null;
        foreach (var (table, mark) in verified.Tables)
            if (table != StagingScope.Table && before.Of(table) != mark
                && !(table == StagingEvents && before.Of(table) is { } staged && load?.Of(table) == staged))
                return Full($"{table} was written between run {passed.Stamp.RunId}'s passing Verify and run {daily.Stamp.RunId}'s daily Transform " +
                            "by something other than a staging load");
        if (daily.Stamp.Result["clean_up"]?.GetValue<bool>() != false || Changed(daily.Stamp.Result, "users", "deleted") > 0
            || Changed(daily.Stamp.Result, "songs", "inserted", "updated", "deleted") + Changed(daily.Stamp.Result, "artists", "inserted", "updated", "deleted") > 0)
            return Full($"run {daily.Stamp.RunId}'s daily Transform removed or replaced staged data, or changed users, songs or artists " +
                        "beyond its days");
        var days = DailyTransformStamp.Days(daily.Stamp.Result);
        return days.Count == 0 ? Full($"run {daily.Stamp.RunId} recorded no days")
            : new VerifyScope(days, $"the daily Transform of run {daily.Stamp.RunId} is the only write since run {passed.Stamp.RunId}'s passing Verify");
    }

    static long Changed(JsonObject result, string table, params string[] kinds) =>
        kinds.Sum(k => result["tables"]?[table]?[k]?.GetValue<long>() ?? 0);
}
