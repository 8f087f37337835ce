using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Sparkify.Pipeline.Loading.Writing;

/// Writes batches into one binary COPY (NpgsqlBinaryImporter), each value with its column's type.
public sealed class BatchWriter(NpgsqlBinaryImporter importer, IReadOnlyList<TargetColumn> columns)
{
    readonly ColumnKind[] _kinds = columns.Select(c => c.Kind).ToArray();

    /// The binary COPY statement for the table's columns (names come from information_schema, quoted).
    public static string CopyStatement(string table, IReadOnlyList<TargetColumn> columns) =>
        $"copy {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) from stdin (format binary)";

    static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(RowBatch batch)
    {
        var n = _kinds.Length;
        for (var row = 0; row < batch.Count; row++)
        {
            importer.StartRow();
            var cell = row * n;
            for (var c = 0; c < n; c++, cell++)
            {
                if (batch.Null[cell]) { importer.WriteNull(); continue; }
                switch (_kinds[c])
                {
                    case ColumnKind.Text: importer.Write(batch.Strings[cell]!, NpgsqlDbType.Text); break;
                    case ColumnKind.SmallInt: importer.Write((short)batch.Longs[cell], NpgsqlDbType.Smallint); break;
                    case ColumnKind.Integer: importer.Write((int)batch.Longs[cell], NpgsqlDbType.Integer); break;
                    case ColumnKind.BigInt: importer.Write(batch.Longs[cell], NpgsqlDbType.Bigint); break;
                    case ColumnKind.Real: importer.Write((float)batch.Doubles[cell], NpgsqlDbType.Real); break;
                    case ColumnKind.Double: importer.Write(batch.Doubles[cell], NpgsqlDbType.Double); break;
                    case ColumnKind.Numeric: importer.Write(batch.Decimals![cell], NpgsqlDbType.Numeric); break;
                    case ColumnKind.Boolean: importer.Write(batch.Longs[cell] != 0, NpgsqlDbType.Boolean); break;
                    case ColumnKind.Timestamp:
                        importer.Write(new DateTime(batch.Longs[cell], DateTimeKind.Unspecified), NpgsqlDbType.Timestamp); break;
                    case ColumnKind.TimestampTz:
                        importer.Write(new DateTime(batch.Longs[cell], DateTimeKind.Utc), NpgsqlDbType.TimestampTz); break;
                    case ColumnKind.Date: importer.Write(DateOnly.FromDayNumber((int)batch.Longs[cell]), NpgsqlDbType.Date); break;
                }
            }
        }
    }
}
