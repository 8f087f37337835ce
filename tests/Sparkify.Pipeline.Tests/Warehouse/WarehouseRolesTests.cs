using Npgsql;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Warehouse;

/// <summary>
/// The owner role (the pipeline's own connections, not a superuser) and the read-only role, made exactly as the local
/// profile makes them (twice, to prove reruns are idempotent) on the fixture's real PostgreSQL. The read-only role's
/// refusals come from privileges, not from a transaction mode: these statements run on a plain connection.
/// </summary>
public class WarehouseRolesTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    readonly string _owner = $"o_{Guid.NewGuid():N}"[..14];
    readonly string _database = $"r_{Guid.NewGuid():N}"[..14];
    WarehouseEndpoint _asOwner = null!;
    WarehouseEndpoint _asReader = null!;
    string _readerPassword = "";

    [OneTimeSetUp]
    public async Task MakeTheRolesTwice()
    {
        var admin = await PostgresFixture.AdminAsync();
        var (ownerPassword, readerPassword) = (Passwords.New(), Passwords.New());
        _readerPassword = readerPassword;
        _asOwner = new WarehouseEndpoint(Dialect.Postgres, admin.Host, admin.Port, _database, _owner, ownerPassword);
        _asReader = new WarehouseEndpoint(Dialect.Postgres, admin.Host, admin.Port, _database, WarehouseRoles.Reader, readerPassword);
        for (var run = 0; run < 2; run++)
        {
            await using (var superuser = await admin.OpenAsync(CancellationToken.None))
            {
                await WarehouseRoles.EnsureLoginRoleAsync(superuser, Sql, _owner, ownerPassword, CancellationToken.None);
                await WarehouseRoles.EnsureOwnedDatabaseAsync(superuser, Sql, _database, _owner, CancellationToken.None);
                await WarehouseRoles.EnsureLoginRoleAsync(superuser, Sql, WarehouseRoles.Reader, readerPassword, CancellationToken.None);
                await WarehouseRoles.GrantConnectAsync(superuser, Sql, _database, WarehouseRoles.Reader, CancellationToken.None);
            }
            await CreateTables.RunAsync(_asOwner, Sql, recreate: false, CancellationToken.None);
            await using var owner = await _asOwner.OpenAsync(CancellationToken.None);
            foreach (var grant in WarehouseRoles.ReaderGrants(Sql, Dialect.Postgres))
                await Statement.ExecuteAsync(owner, grant, CancellationToken.None);
        }
        await ExecuteAsync(_asOwner, "insert into users values ('1', 'Ann', 'Lee', 'F', 'free')");
    }

    [TestCase("commit; begin read write; create table t as select 1; commit")]
    [TestCase("begin read write; delete from users; commit")]
    [TestCase("update users set level = 'paid'")]
    [TestCase("truncate users")]
    [TestCase("delete from etl_runs")]
    [TestCase("set role {owner}")]
    [TestCase("copy (select 1) to program 'id'")]
    [TestCase("copy users from '/etc/hostname'")]
    [TestCase("select pg_read_file('/etc/hostname')")]
    [TestCase("create function public.f() returns int language sql as 'select 1'")]
    [TestCase("create function pg_temp.f() returns int language sql as 'select 1'")]
    [TestCase("create temporary table scratch (i int)")]
    [TestCase("alter role sparkify_reader superuser")]
    [TestCase("create role intruder login")]
    [TestCase("select lo_from_bytea(0, decode(repeat('ab', 1000), 'hex'))", Description = "issue 24: large objects persisted")]
    [TestCase("select lo_create(0)")]
    [TestCase("select lo_creat(-1)")]
    [TestCase("select lo_import('/etc/hostname')")]
    [TestCase("begin; select lo_open(lo_create(0), 131072); commit")]
    [TestCase("select lo_unlink(1)")]
    public void The_read_only_role_is_refused_whatever_the_statement_sequence_and_nothing_changes(string sql)
    {
        var e = Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_asReader, sql.Replace("{owner}", _owner)));

        Assert.That(e!.SqlState, Is.EqualTo("42501"), e.MessageText);
        Assert.That(Scalar(_asOwner, "select count(*) from users"), Is.EqualTo(1L));
        Assert.That(Scalar(_asOwner, "select count(*) from pg_class where relname in ('t', 'scratch') or (relname = 'f' and relkind = 'r')"), Is.EqualTo(0L));
        Assert.That(Scalar(_asOwner, "select count(*) from pg_proc where proname = 'f'"), Is.EqualTo(0L));
    }

    [Test]
    [Description("issue 24: the reader stored data as large objects; in postgres it could also hold the set-up's advisory key")]
    public void The_read_only_role_cannot_connect_to_the_clusters_other_databases()
    {
        foreach (var other in new[] { "postgres", "template1" })
        {
            var e = Assert.ThrowsAsync<PipelineException>(() => ExecuteAsync(_asReader.WithDatabase(other), "select 1"), other);
            Assert.That((e!.InnerException as PostgresException)?.SqlState, Is.EqualTo("42501"), $"{other}: {e.Message}");
        }
        Assert.That(Scalar(_asOwner, "select count(*) from pg_largeobject_metadata"), Is.EqualTo(0L), "a large object was stored");
    }

    [Test]
    public void Session_defaults_the_read_only_role_stored_for_itself_are_wiped_by_the_next_set_up()
    {
        ExecuteAsync(_asReader, "alter role sparkify_reader set work_mem = '64kB'").GetAwaiter().GetResult();

        using (var superuser = PostgresFixture.AdminAsync().Result.OpenAsync(CancellationToken.None).Result)
            WarehouseRoles.EnsureLoginRoleAsync(superuser, Sql, WarehouseRoles.Reader, _readerPassword, CancellationToken.None).GetAwaiter().GetResult();

        Assert.That(Scalar(_asOwner, "select count(*) from pg_db_role_setting s join pg_roles r on r.oid = s.setrole where r.rolname = 'sparkify_reader'"),
            Is.EqualTo(0L));
    }

    [Test]
    public void The_read_only_role_reads_the_warehouse_tables() =>
        Assert.That(Scalar(_asReader, "select first_name from users"), Is.EqualTo("Ann"));

    [TestCase("copy (select 1) to program 'id'")]
    [TestCase("select pg_read_file('/etc/hostname')")]
    [TestCase("select pg_ls_dir('/')")]
    [TestCase("alter role {owner} superuser")]
    [TestCase("create role intruder login")]
    [TestCase("create database other")]
    [TestCase("grant pg_execute_server_program to {owner}")]
    public void The_owner_role_owns_the_tables_but_cannot_reach_the_server_or_raise_itself(string sql)
    {
        var e = Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_asOwner, sql.Replace("{owner}", _owner)));

        Assert.That(e!.SqlState, Is.EqualTo("42501"), e.MessageText);
        Assert.That(Scalar(_asOwner, "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user"), Is.EqualTo(false));
    }

    [Test]
    public void Neither_role_can_read_a_state_file_or_the_password_hashes()
    {
        using var dir = new TempDir("secret");
        var state = StateFile.For(dir.Path, "local");
        var secret = Passwords.New();
        state.Save(new DwhState { LocalPgPassword = secret });
        File.SetUnixFileMode(dir.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);

        foreach (var role in new[] { _asReader, _asOwner })
        {
            foreach (var sql in new[] { $"select pg_read_file('{state.Path}')", $"select pg_read_binary_file('{state.Path}')",
                                        "select rolpassword from pg_authid", "select passwd from pg_shadow" })
            {
                var e = Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(role, sql), $"{role.User}: {sql}");
                Assert.That(e!.SqlState, Is.EqualTo("42501"), $"{role.User}: {sql}");
                Assert.That(e.MessageText, Does.Not.Contain(secret));
            }
        }
    }

    [Test]
    public void The_redshift_exists_query_finds_the_reader_so_a_rerun_alters_it()
    {
        // pg_user is the same view on Redshift and PostgreSQL: the pinned query is checked against a real catalogue.
        Assert.That(Scalar(_asOwner, Sql.Read("redshift/roles/reader_exists.sql")), Is.EqualTo(1));
    }

    static async Task ExecuteAsync(WarehouseEndpoint endpoint, string sql)
    {
        await using var connection = await endpoint.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static object? Scalar(WarehouseEndpoint endpoint, string sql)
    {
        using var connection = endpoint.OpenAsync(CancellationToken.None).Result;
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
