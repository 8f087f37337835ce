using System.Globalization;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// One table of the schema section: its columns with types and keys, and the header of its create_TABLE.sql (grain and why).
public sealed record TableDoc(string Name, string Header, string DdlPath, IReadOnlyList<ColumnDoc> Columns)
{
    public static IReadOnlyList<TableDoc> From(IReadOnlyList<string> tables, QueryResult columns, QueryResult keys, SqlFiles sql, Dialect dialect)
    {
        var folder = SqlFiles.DialectFolder(dialect);
        return tables.Select(table =>
        {
            var path = $"{folder}/create_{table}.sql";
            var cols = Enumerable.Range(0, columns.Rows.Count).Where(r => columns.Text(r, "table_name") == table)
                .Select(r => new ColumnDoc(columns.Text(r, "column_name"), TypeOf(columns, r), columns.Text(r, "is_nullable") == "YES",
                    KeysOf(keys, table, columns.Text(r, "column_name"))))
                .ToList();
            return new TableDoc(table, ReadHeader(sql, path), "sql/" + path, cols);
        }).ToList();
    }

    /// The leading comment lines of the DDL file, without the "--" (empty when the file is missing).
    static string ReadHeader(SqlFiles sql, string path)
    {
        if (!File.Exists(Path.Combine(sql.Root, path))) return "";
        var lines = sql.Read(path).Split('\n').TakeWhile(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal))
            .Select(l => l.TrimStart()[2..].Trim());
        return string.Join(" ", lines);
    }

    static string TypeOf(QueryResult c, int r)
    {
        var type = c.Text(r, "data_type");
        string N(string col) => Convert.ToString(c.Value(r, col), CultureInfo.InvariantCulture) ?? "";
        if (c.Value(r, "character_maximum_length") is not (null or DBNull)) return $"{type}({N("character_maximum_length")})";
        if (type == "numeric" && c.Value(r, "numeric_precision") is not (null or DBNull)) return $"numeric({N("numeric_precision")},{N("numeric_scale")})";
        return type;
    }

    static string KeysOf(QueryResult k, string table, string column) => string.Join(", ",
        Enumerable.Range(0, k.Rows.Count).Where(r => k.Text(r, "table_name") == table && k.Text(r, "column_name") == column)
            .Select(r => k.Text(r, "constraint_type") switch
            {
                "PRIMARY KEY" => "PK",
                "UNIQUE" => "unique",
                _ => $"FK -> {k.Text(r, "references_table")}.{k.Text(r, "references_column")}",
            }).Distinct());
}

public sealed record ColumnDoc(string Name, string Type, bool Nullable, string Keys);
