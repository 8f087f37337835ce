using Npgsql;

namespace Sparkify.Pipeline.Warehouse;

/// How to reach the warehouse. Redshift speaks the PostgreSQL protocol, so both go through one Npgsql data source.
public sealed class WarehouseEndpoint(Dialect dialect, string host, int port, string database, string user, string password)
{
    NpgsqlDataSource? _dataSource;

    public Dialect Dialect { get; } = dialect;
    public string Host { get; } = host;
    public int Port { get; } = port;
    public string Database { get; } = database;
    public string User { get; } = user;

    /// Seconds a connection may take ([CLUSTER] connect_timeout_seconds for Redshift) before "cannot reach".
    public int ConnectTimeoutSeconds { get; init; } = 10;

    /// Seconds one statement may run before Npgsql cancels it ([CLUSTER] command_timeout_seconds); 0 = no limit.
    public int CommandTimeoutSeconds { get; init; }

    /// Asked for the password of every new physical connection: temporary credentials renew themselves through it
    /// before they expire. Null: the password given to the constructor.
    public Func<CancellationToken, ValueTask<string>>? PasswordProvider { get; init; }

    public WarehouseEndpoint WithDatabase(string other) => new(Dialect, Host, Port, other, User, password)
    {
        ConnectTimeoutSeconds = ConnectTimeoutSeconds, CommandTimeoutSeconds = CommandTimeoutSeconds, PasswordProvider = PasswordProvider,
    };

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        try
        {
            return await DataSource.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new PipelineException($"cannot reach {Host}:{Port}, the warehouse {this}, within {ConnectTimeoutSeconds} s: {e.Message}" +
                                        (Dialect == Dialect.Redshift
                                            ? "; check that the cluster is available (./build.sh Status --profile=aws) and that " +
                                              "[NETWORK] ingress_cidr covers your address"
                                            : ""), e);
        }
    }

    /// The same server and limits for another login (the read-only role); a password provider stays with its login.
    public WarehouseEndpoint WithLogin(string otherUser, string otherPassword) => new(Dialect, Host, Port, Database, otherUser, otherPassword)
    {
        ConnectTimeoutSeconds = ConnectTimeoutSeconds, CommandTimeoutSeconds = CommandTimeoutSeconds,
    };

    NpgsqlDataSource DataSource => _dataSource ??= Build();

    NpgsqlDataSource Build()
    {
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder
        {
            Host = Host, Port = Port, Database = Database, Username = User, Password = PasswordProvider is null ? password : null,
            Timeout = ConnectTimeoutSeconds, CommandTimeout = CommandTimeoutSeconds, ApplicationName = "sparkify-dwh",
            SslMode = Dialect == Dialect.Redshift ? SslMode.Require : SslMode.Disable,
            // Verify and Report read on several connections at once: idle ones are closed within seconds, not kept
            // for Npgsql's default five minutes, so many endpoints in one process (the test suite) stay within the
            // server's max_connections.
            ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5,
        }.ConnectionString);
        // Redshift lacks most of pg_type's newer features; Npgsql's own advice is to skip type loading there.
        if (Dialect == Dialect.Redshift) builder.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        if (PasswordProvider is { } provider)
            builder.UsePasswordProvider(_ => provider(CancellationToken.None).AsTask().GetAwaiter().GetResult(), (_, ct) => provider(ct));
        return builder.Build();
    }

    /// This endpoint as one line of a PostgreSQL password file (host:port:database:user:password, ':' and '\\' escaped),
    /// for Connect's 0600 pgpass file: the one place a password leaves this type.
    public string PgpassLine() =>
        string.Join(':', new[] { Host, Port.ToString(), Database, User, password }.Select(f => f.Replace("\\", "\\\\").Replace(":", "\\:")));

    /// Never shows the password.
    public override string ToString() => $"{Dialect.ToString().ToLowerInvariant()} {User}@{Host}:{Port}/{Database}";
}
