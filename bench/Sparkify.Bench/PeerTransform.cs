using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// The plain reference of issue 13 (sql/bench/peer/): five INSERT … SELECT from the same staging tables into empty
/// keyed tables of their own (peer_*), in one transaction. Returns its wall time and the facts it inserted.
/// The tables are created first, in a transaction of their own and untimed, as the project's star tables exist
/// before its Transform. With wal_level = minimal, rows inserted into a table created or truncated in the same
/// transaction write no WAL; the project truncates an empty songplays and time in its transaction to get that skip,
/// so the timed transaction does the same to peer_songplays and peer_time (05_peer_empty_truncated.sql), and
/// neither side has a WAL advantage over the other.
/// </summary>
public static class PeerTransform
{
    public const string Folder = "bench/peer";
    const string TablesFile = "00_peer_tables.sql";

    public static async Task<(double Seconds, long Songplays)> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, CancellationToken ct)
    {
        var files = sql.List(Folder).ToList();
        var statements = files.SelectMany(file => SqlScript.Split(file, sql.Read(file))).ToList();
        var tables = statements.Where(s => Path.GetFileName(s.File) == TablesFile).ToList();
        await using var connection = await warehouse.OpenAsync(ct);
        await using (var setup = await connection.BeginTransactionAsync(ct))
        {
            foreach (var statement in tables)
            {
                await using var command = new NpgsqlCommand(statement.Text, connection);
                await command.ExecuteNonQueryAsync(ct);
            }
            await setup.CommitAsync(ct);
        }
        var clock = Stopwatch.StartNew();
        long songplays = 0;
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            foreach (var statement in statements.Except(tables))
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
