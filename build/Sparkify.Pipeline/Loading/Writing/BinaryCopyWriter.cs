using Npgsql;

namespace Sparkify.Pipeline.Loading.Writing;

/// <summary>
/// The table's one COPY … FROM STDIN (FORMAT BINARY, FREEZE): the signature, then the parser threads' batches as they
/// come, then the end marker. FREEZE writes the rows already frozen, which PostgreSQL allows only when ClientCopy
/// truncated the table in this same transaction (a replacing load); a later read then finds no hint bits to set. A
/// load that adds to the table (only what changed) copies without it. With object ids, object_id is the last column.
/// </summary>
public sealed class BinaryCopyWriter : IAsyncDisposable
{
    // "PGCOPY\n\377\r\n\0", then the flags field and the header extension length, both 0.
    static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0a, 0xff, 0x0d, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    static readonly byte[] EndMarker = [0xff, 0xff];

    readonly NpgsqlRawCopyStream _stream;
    bool _done;

    BinaryCopyWriter(NpgsqlRawCopyStream stream) => _stream = stream;

    public long Rows { get; private set; }

    public static async Task<BinaryCopyWriter> BeginAsync(NpgsqlConnection connection, string table, IReadOnlyList<TargetColumn> columns,
        CancellationToken ct, bool freeze = true, bool objectIds = false)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(CopyStatement(table, columns, freeze, objectIds), ct);
        await stream.WriteAsync(Signature, ct);
        return new BinaryCopyWriter(stream);
    }

    /// The binary COPY statement for the table's columns (names come from information_schema, quoted).
    public static string CopyStatement(string table, IReadOnlyList<TargetColumn> columns, bool freeze = true, bool objectIds = false) =>
        $"copy {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)).Concat(objectIds ? [Quote(Warehouse.Tables.ObjectIdColumn)] : []))}) " +
        $"from stdin (format binary{(freeze ? ", freeze" : "")})";

    public async ValueTask WriteAsync(CopyBatch batch, CancellationToken ct)
    {
        await _stream.WriteAsync(batch.Bytes, ct);
        Rows += batch.Rows;
    }

    /// Ends the COPY; the server checks every row now, and its error (if any) is thrown here.
    public async Task CompleteAsync(CancellationToken ct)
    {
        await _stream.WriteAsync(EndMarker, ct);
        _done = true;
        await _stream.DisposeAsync();
    }

    /// Without CompleteAsync the COPY is cancelled: nothing of it reaches the table (the transaction rolls back too).
    public async ValueTask DisposeAsync()
    {
        if (_done) return;
        _done = true;
        try
        {
            await _stream.CancelAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The COPY is already broken, which is why we are here: the caller reports the cause.
        }
        await _stream.DisposeAsync();
    }

    static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
