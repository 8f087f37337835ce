using Npgsql;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// Helpers shared by the loader's tests: a database with the pipeline's tables or a table of one's own, and queries.
static class LoadTestKit
{
    public static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);

    /// A context under a run id of its own, as each run has.
    public static LoadContext Context(Sparkify.Pipeline.Aws.AwsContext? aws = null) => new(Sql, new PipelineLog(TextWriter.Null), NewRunId(), aws is null ? null : aws.S3);

    public static string NewRunId() => DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'") + "-" + Guid.NewGuid().ToString("N")[..6];

    /// Redshift-like defaults, with the options a test changes.
    public static CopyOptions Options(CopyFormat? format = null) => new() { Format = format ?? CopyFormat.Auto, Parallelism = 4 };

    /// The two staging COPYs (events, songs) from the root of a bucket on the shared moto, with the default options.
    public static IReadOnlyList<CopyCommand> CopiesFrom(string bucket) => StagingCopies.Under($"s3://{bucket}", Options() with { Region = MotoBucket.Region });

    public static async Task<WarehouseEndpoint> WithStagingTablesAsync()
    {
        var db = await PostgresFixture.NewDatabaseAsync("load");
        await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);
        return db;
    }

    public static async Task<WarehouseEndpoint> WithTableAsync(string ddl)
    {
        var db = await PostgresFixture.NewDatabaseAsync("load");
        await ExecuteAsync(db, ddl);
        return db;
    }

    public static async Task ExecuteAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(WarehouseEndpoint db, string table) =>
        Convert.ToInt64(await ScalarAsync(db, $"select count(*) from {table}"));

    public static async Task<object?> ScalarAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// All rows of a query, each as an array of values (DBNull as null).
    public static async Task<List<object?[]>> RowsAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
