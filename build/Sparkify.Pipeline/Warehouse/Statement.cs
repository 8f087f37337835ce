using Npgsql;

namespace Sparkify.Pipeline.Warehouse;

/// One statement without parameters or result (DDL, grants, session settings, a whole sql/ file), on either dialect.
public static class Statement
{
    public static async Task ExecuteAsync(NpgsqlConnection connection, string text, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(text, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
