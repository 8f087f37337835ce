using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// The column types the client-side loader converts JSON values into.
public enum ColumnKind { Text, SmallInt, Integer, BigInt, Real, Double, Numeric, Boolean, Timestamp, TimestampTz, Date }

/// <summary>
/// One column of the target table. MaxLength is the n of varchar(n)/char(n), which the loader applies in bytes as
/// Redshift does; Precision and Scale are the p and s of numeric(p,s) (null for an unconstrained numeric).
/// SingleByte marks a CHAR(n), which takes single-byte characters only ("Character types").
/// </summary>
public sealed record TargetColumn(string Name, ColumnKind Kind, int? MaxLength = null, int? Precision = null, int? Scale = null)
{
    public bool IsCharacter => Kind == ColumnKind.Text;

    public bool SingleByte { get; init; }

    /// The target table's columns, read once from information_schema (sql/postgres/load_target_columns.sql).
    public static async Task<IReadOnlyList<TargetColumn>> ReadAsync(NpgsqlConnection connection, SqlFiles sql, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql.Read("postgres/load_target_columns.sql"), connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<TargetColumn>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            var type = reader.GetString(1);
            var kind = KindOf(type) ?? throw new PipelineException(
                $"{table}.{name} has type {type}, which the JSON loader does not convert into; use varchar, integer, bigint, smallint, real, double precision, numeric, boolean, date or timestamp");
            var numeric = kind == ColumnKind.Numeric;
            columns.Add(new TargetColumn(name, kind, reader.IsDBNull(2) ? null : reader.GetInt32(2),
                numeric && !reader.IsDBNull(3) ? reader.GetInt32(3) : null, numeric && !reader.IsDBNull(4) ? reader.GetInt32(4) : null)
            {
                SingleByte = type == "character",
            });
        }
        if (columns.Count == 0)
            throw new PipelineException($"table {table} does not exist in the warehouse; run ./build.sh CreateTables first");
        return columns;
    }

    static ColumnKind? KindOf(string dataType) => dataType switch
    {
        "character varying" or "character" or "text" => ColumnKind.Text,
        "smallint" => ColumnKind.SmallInt,
        "integer" => ColumnKind.Integer,
        "bigint" => ColumnKind.BigInt,
        "real" => ColumnKind.Real,
        "double precision" => ColumnKind.Double,
        "numeric" => ColumnKind.Numeric,
        "boolean" => ColumnKind.Boolean,
        "timestamp without time zone" => ColumnKind.Timestamp,
        "timestamp with time zone" => ColumnKind.TimestampTz,
        "date" => ColumnKind.Date,
        _ => null,
    };
}
