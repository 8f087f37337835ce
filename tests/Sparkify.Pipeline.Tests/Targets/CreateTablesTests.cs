using Npgsql;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Targets;

public class CreateTablesTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);

    /// A new database in which CreateTables has run once.
    static async Task<WarehouseEndpoint> CreatedAsync()
    {
        var db = await PostgresFixture.NewDatabaseAsync();
        await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);
        return db;
    }

    [Test]
    public async Task Creates_the_seven_tables_and_etl_runs_on_an_empty_database()
    {
        var db = await PostgresFixture.NewDatabaseAsync();

        var result = await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateTablesResult(15, 0)));
        await using var connection = await db.OpenAsync(CancellationToken.None);
        Assert.That(await Tables.ExistingAsync(connection, CancellationToken.None),
            Is.EquivalentTo(new[] { "staging_events", "staging_songs", "songplays", "users", "songs", "artists", "time", "etl_runs", "staging_scope",
                "load_ledger", "staging_changes", "warehouse_source", "load_errors", "etl_writes", "etl_stamps" }),
            "the seven tables, etl_runs, staging_scope (what staging holds), the object ledger and staging_changes, warehouse_source (where from), load_errors (the client-side loader's STL_LOAD_ERRORS) and " +
            "the up-to-date stamps (postgres only)");
    }

    [Test]
    public async Task Rerun_keeps_existing_rows()
    {
        var db = await CreatedAsync();
        await ExecuteAsync(db, "insert into users (user_id, level) values ('7', 'free')");

        var result = await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateTablesResult(0, 15, UpToDate: true)), "rows written change no schema: the DDL is not sent");
        Assert.That(await CountAsync(db, "users"), Is.EqualTo(1));
    }

    [Test]
    public async Task Force_sends_the_ddl_although_the_stamp_is_current_and_keeps_the_rows()
    {
        var db = await CreatedAsync();
        await ExecuteAsync(db, "insert into users (user_id, level) values ('7', 'free')");

        var result = await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None, force: true);

        Assert.That(result, Is.EqualTo(new CreateTablesResult(0, 15)), "--force sends the DDL");
        Assert.That(await CountAsync(db, "users"), Is.EqualTo(1));
    }

    [Test]
    [Description("issue 27: the up-to-date stamp still notices a table dropped behind the pipeline's back")]
    public async Task A_rerun_after_a_table_was_dropped_behind_the_pipelines_back_makes_it_again()
    {
        var db = await CreatedAsync();
        Assert.That((await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None)).UpToDate, Is.True, "nothing changed yet");
        await ExecuteAsync(db, "drop table time");

        var result = await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateTablesResult(1, 14)));
        await using var connection = await db.OpenAsync(CancellationToken.None);
        Assert.That(await Tables.ExistingAsync(connection, CancellationToken.None), Does.Contain("time"));
        Assert.That((await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None)).UpToDate, Is.True, "current again");
    }

    [Test]
    [Description("issue 27: a counting trigger dropped behind the pipeline's back is made again, so later skips stay honest")]
    public async Task A_rerun_after_a_counting_trigger_was_dropped_makes_it_again()
    {
        var db = await CreatedAsync();
        await ExecuteAsync(db, "drop trigger etl_writes_counted on users");

        var result = await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);

        Assert.That(result.UpToDate, Is.False);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var read = new NpgsqlCommand("select count(*) from pg_trigger where tgrelid = 'users'::regclass and tgname = 'etl_writes_counted'", connection);
        Assert.That(await read.ExecuteScalarAsync(), Is.EqualTo(1L));
    }

    [Test]
    [Description("issue 27: an edited DDL file is sent, whatever the schema looks like")]
    public async Task A_rerun_with_an_edited_ddl_file_sends_the_ddl()
    {
        var db = await PostgresFixture.NewDatabaseAsync();
        var root = Directory.CreateTempSubdirectory("sparkify-sql-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "sql"), "*.sql", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(root, Path.GetRelativePath(Repo.Root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
            var sql = SqlFiles.In(root);
            await CreateTables.RunAsync(db, sql, recreate: false, CancellationToken.None);
            await File.AppendAllTextAsync(Path.Combine(root, "sql", "postgres", "create_users.sql"), ";\ncomment on table users is 'edited'");

            var result = await CreateTables.RunAsync(db, sql, recreate: false, CancellationToken.None);

            Assert.That(result.UpToDate, Is.False);
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await using var read = new NpgsqlCommand("select obj_description('users'::regclass)", connection);
            Assert.That(await read.ExecuteScalarAsync(), Is.EqualTo("edited"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task Recreate_drops_the_rows()
    {
        var db = await CreatedAsync();
        await ExecuteAsync(db, "insert into users (user_id, level) values ('7', 'free')");

        await CreateTables.RunAsync(db, Sql, recreate: true, CancellationToken.None);

        Assert.That(await CountAsync(db, "users"), Is.EqualTo(0));
    }

    [Test]
    public async Task Types_lose_nothing_epoch_ms_doubles_and_millisecond_timestamps()
    {
        var db = await CreatedAsync();

        await ExecuteAsync(db, "insert into staging_events (ts, registration, length) values (1543607664796, 1540344794796.0, 277.89016)");
        await ExecuteAsync(db, "insert into time values ('2018-11-30 19:54:24.796', 19, 30, 48, 11, 2018, 5)");

        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var read = new NpgsqlCommand("select ts, registration, length, (select start_time from time) from staging_events", connection);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.That(reader.GetInt64(0), Is.EqualTo(1543607664796L));
        Assert.That(reader.GetDouble(1), Is.EqualTo(1540344794796.0));
        Assert.That(reader.GetDouble(2), Is.EqualTo(277.89016));
        Assert.That(reader.GetDateTime(3), Is.EqualTo(new DateTime(2018, 11, 30, 19, 54, 24, 796)));
    }

    [Test]
    [Description("issue 13: no per-row foreign keys on PostgreSQL, as on Redshift; Verify checks every reference set-based")]
    public async Task Primary_keys_are_enforced_and_references_are_left_to_verify_on_postgres()
    {
        var db = await CreatedAsync();
        await ExecuteAsync(db, "insert into users (user_id, level) values ('7', 'free')");

        Assert.That(async () => await ExecuteAsync(db, "insert into users (user_id, level) values ('7', 'paid')"),
            Throws.InstanceOf<PostgresException>().With.Property("SqlState").EqualTo("23505"));
        Assert.That(async () => await ExecuteAsync(db,
                "insert into songplays (start_time, user_id, level, session_id, item_in_session) values ('2018-11-01', '7', 'free', 1, 1)"),
            Throws.Nothing, "a songplay without its time row is Verify's to find (songplays_start_time_in_time.sql), not a trigger's");
    }

    [Test]
    [Description("issue 13: songplays made before the play's own title and artist name gains them, keeping its rows")]
    public async Task Songplays_of_an_older_create_tables_gains_the_title_columns_and_keeps_its_rows()
    {
        var db = await CreatedAsync();
        await ExecuteAsync(db, "alter table songplays drop column song_title, drop column artist_name");
        await ExecuteAsync(db, "insert into songplays (start_time, user_id, level, session_id, item_in_session) values ('2018-11-01', '7', 'free', 1, 1)");

        await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);

        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var read = new NpgsqlCommand("select count(*), count(song_title), count(artist_name) from songplays", connection);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.That((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)), Is.EqualTo((1L, 0L, 0L)),
            "the row is kept; the next full Transform fills its title and artist");
    }

    [Test]
    [Description("issue 27: staging tables made before the object ledger gain object_id, keeping their rows")]
    public async Task Staging_tables_of_an_older_create_tables_gain_object_id_and_keep_their_rows()
    {
        var db = await CreatedAsync();
        await ExecuteAsync(db, "alter table staging_events drop column object_id; alter table staging_songs drop column object_id");
        await ExecuteAsync(db, "insert into staging_events (ts) values (1543607664796); insert into staging_songs (song_id) values ('S1')");

        await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);

        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var read = new NpgsqlCommand(
            "select (select count(*) from staging_events where object_id is null) + (select count(*) from staging_songs where object_id is null)", connection);
        Assert.That(await read.ExecuteScalarAsync(), Is.EqualTo(2L), "both rows kept, with no object (NULL)");
    }

    static async Task ExecuteAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<long> CountAsync(WarehouseEndpoint db, string table)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        return (await Tables.CountRowsAsync(connection, CancellationToken.None))[table]!.Value;
    }
}
