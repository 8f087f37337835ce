using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Local;

/// <summary>
/// Checks the local profile's prerequisites before its services start: PostgreSQL's server programs, moto_server,
/// runuser when root, and that nothing else holds the two ports. Every problem is reported at once, with what to install.
/// </summary>
public static class LocalPreflight
{
    public static async Task CheckAsync(LocalSettings local, LocalMoto moto, Func<bool> ourPostgresRuns, CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            try { ProcessRunner.PostgresTool(tool); }
            catch (PipelineException) { problems.Add($"PostgreSQL's {tool} is missing: install the PostgreSQL server (Debian/Ubuntu: apt-get install postgresql-15; macOS: brew install postgresql@15)"); }
        }
        if (ToolPath.Find("moto_server") is null) problems.Add("moto_server is missing: pip install 'moto[server]' (Python 3.9 or later)");
        if (ProcessRunner.IsRoot && ProcessRunner.RunUserPath() is null)
            problems.Add("running as root needs runuser (util-linux) to start PostgreSQL as the postgres user: apt-get install util-linux");
        if (Ports.IsListening(local.MotoPort) && !await moto.AnswersAsMotoAsync(ct))
            problems.Add($"127.0.0.1:{local.MotoPort} is already in use by something that is not moto; stop it or choose another port with [LOCAL] moto_port");
        if (Ports.IsListening(local.PgPort) && !ourPostgresRuns())
            problems.Add($"127.0.0.1:{local.PgPort} is already in use by another process, so the local PostgreSQL cannot start there; " +
                         "stop that process or choose another port with [LOCAL] pg_port");
        if (problems.Count == 1) throw new PipelineException($"the local profile cannot start: {problems[0]}");
        if (problems.Count > 1) throw new PipelineException("the local profile cannot start:" + string.Concat(problems.Select(p => "\n  - " + p)));
    }
}
