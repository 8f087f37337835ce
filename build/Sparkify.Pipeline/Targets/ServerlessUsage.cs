using Npgsql;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// Status' reading of Redshift Serverless usage from the warehouse itself (SYS_SERVERLESS_USAGE), when it is reachable.
public static class ServerlessUsage
{
    public static async Task<decimal?> RpuHoursAsync(Run run, CancellationToken ct)
    {
        if (await run.RunningWarehouseAsync() is not { } warehouse) return null;
        await using var connection = await warehouse.OpenAsync(ct);
        await using var command = new NpgsqlCommand(run.Sql.Read("redshift/sys/serverless_usage.sql"), connection);
        command.Parameters.AddWithValue("since", PeriodStart(run.Config.Serverless.Period, DateTime.UtcNow));
        return Convert.ToDecimal(await command.ExecuteScalarAsync(ct));
    }

    /// The start of the usage limit's current period, UTC: today, this week (from Sunday, as the API documents), this month.
    public static DateTime PeriodStart(string period, DateTime now) => period switch
    {
        "daily" => now.Date,
        "weekly" => now.Date.AddDays(-(int)now.DayOfWeek),
        _ => new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
