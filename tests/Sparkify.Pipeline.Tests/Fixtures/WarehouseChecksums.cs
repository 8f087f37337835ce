using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A fingerprint of the seven tables: row count and md5 of the rows' text in order, per table. songplays leaves out
/// songplay_id, a surrogate whose identity values a rolled-back insert consumes, so a crashed-then-rerun warehouse
/// cannot be asked for the same numbers as a fresh one; the staging tables leave out object_id, the load ledger's id
/// of each row's object, which depends on the loads' history (issue 27); every other column of every table counts.
/// </summary>
public static class WarehouseChecksums
{
    static readonly Dictionary<string, string> Selects = new()
    {
        ["songplays"] = "select start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location, user_agent, song_title, artist_name from songplays",
        ["staging_events"] = "select to_jsonb(s) - 'object_id' as r from staging_events s",
        ["staging_songs"] = "select to_jsonb(s) - 'object_id' as r from staging_songs s",
    };

    public static async Task<Dictionary<string, string>> OfAsync(WarehouseEndpoint warehouse)
    {
        var sums = new Dictionary<string, string>();
        await using var connection = await warehouse.OpenAsync(CancellationToken.None);
        foreach (var table in Tables.All)
        {
            var select = Selects.GetValueOrDefault(table, $"select * from {table}");
            await using var command = new NpgsqlCommand(
                $"select count(*), count(distinct t::text), md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ({select}) t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            sums[table] = $"{reader.GetInt64(0)} rows, {reader.GetInt64(1)} distinct, md5 {reader.GetString(2)}";
        }
        return sums;
    }
}
