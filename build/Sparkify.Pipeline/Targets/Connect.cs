using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Config;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Your own SQL client: prints the warehouse's connection parameters and a ready psql command. The password goes into
/// a pgpass file (0600) beside the state file, never onto a command line or into the output. The read-only role by
/// default; --owner for the owner role (the pipeline's own, which can change the warehouse).
/// </summary>
public static class Connect
{
    public static Task<ConnectResult> ExecuteAsync(Run run) => run.Boundary("Connect", async () =>
    {
        var owner = run.Args.Flag(Options.Owner);
        var warehouse = owner ? await run.WarehouseAsync() : await run.ReaderWarehouseAsync();
        var pgpass = Path.Combine(Path.GetDirectoryName(run.State.Path)!, $"pgpass-{run.Profile.Name()}-{warehouse.User}");
        await using (var writer = new StreamWriter(OwnerOnlyFile.Create(pgpass))) await writer.WriteLineAsync(warehouse.PgpassLine());
        var result = new ConnectResult(warehouse.Host, warehouse.Port, warehouse.Database, warehouse.User,
            warehouse.Dialect == Dialect.Redshift ? "require" : "disable", pgpass);
        run.Log.Information($"Connect: the {run.Profile.Name()} warehouse as {warehouse.User} " +
                            (owner ? "(the owner role: it can change and drop the warehouse tables)" : "(read-only; --owner for the owner role)"));
        run.Log.Information($"  host      {result.Host}");
        run.Log.Information($"  port      {result.Port}");
        run.Log.Information($"  database  {result.Database}");
        run.Log.Information($"  user      {result.User}");
        run.Log.Information($"  sslmode   {result.SslMode}");
        run.Log.Information($"  password  in {pgpass} (0600, PostgreSQL's pgpass format; psql reads it through PGPASSFILE)");
        run.Log.Information($"  jdbc      jdbc:{(warehouse.Dialect == Dialect.Redshift ? "redshift" : "postgresql")}://{result.Host}:{result.Port}/{result.Database}");
        run.Log.Information("psql:");
        run.Log.Information(result.PsqlCommand);
        run.Summary.Set("connect", new JsonObject
        {
            ["host"] = result.Host, ["port"] = result.Port, ["database"] = result.Database, ["user"] = result.User, ["pgpass"] = pgpass,
        });
        return result;
    });
}

/// What Connect printed; <see cref="PsqlCommand"/> is a POSIX shell command line without the password.
public sealed record ConnectResult(string Host, int Port, string Database, string User, string SslMode, string PgpassFile)
{
    public string PsqlCommand =>
        $"PGPASSFILE={Quote(PgpassFile)} psql \"host={Host} port={Port} dbname={Database} user={User} sslmode={SslMode}\"";

    static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
