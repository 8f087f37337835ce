using Npgsql;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// Redshift's load system views as PostgreSQL tables (redshift_sys_views.sql beside this file), then a test's own
/// stand-in files (its pg_last_copy_id() and rows), all on the given connection.
public static class RedshiftSysViews
{
    public static async Task CreateAsync(NpgsqlConnection connection, params string[] files)
    {
        foreach (var file in files.Prepend(Path.Combine(Repo.Root, "tests", "Sparkify.Pipeline.Tests", "Fixtures", "redshift_sys_views.sql")))
            await using (var setup = new NpgsqlCommand(await File.ReadAllTextAsync(file), connection))
                await setup.ExecuteNonQueryAsync();
    }
}
