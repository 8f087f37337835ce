using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// The plain reference of issue 13 (sql/bench/peer/): five INSERT … SELECT from the same staging tables into empty
/// keyed tables of their own (peer_*), in one transaction. Returns its wall time and the facts it inserted.
/// </summary>
public static class PeerTransform
{
    public const string Folder = "bench/peer";

    public static async Task<(double Seconds, long Songplays)> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, CancellationToken ct)
    {
        var statements = sql.List(Folder).SelectMany(file => SqlScript.Split(file, sql.Read(file))).ToList();
        await using var connection = await warehouse.OpenAsync(ct);
        var clock = Stopwatch.StartNew();
        long songplays = 0;
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            foreach (var statement in statements)
            {
                await using var command = new NpgsqlCommand(statement.Text, connection);
                var rows = await command.ExecuteNonQueryAsync(ct);
                if (statement.Table == "peer_songplays") songplays = rows;
            }
            await transaction.CommitAsync(ct);
        }
        return (clock.Elapsed.TotalSeconds, songplays);
    }
}
