using System.Collections;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Lineage;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Platforms;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// Everything one build run shares, built once by build.cake's Setup: the validated configuration, the profile,
/// the state file, the log, the summary and a cancellation token tied to Ctrl+C. Invalid input fails here. Only the
/// target entry points (Targets/) and the run's own lifecycle (Runs/) see it; everything else is built here from
/// the explicit pieces it uses.
/// </summary>
public sealed class Run : IDisposable
{
    readonly RunCancellation _cancellation;
    readonly IReadOnlySet<string> _skips;

    Run(string root, Profile profile, DwhConfig config, CommandLineArguments args, PipelineLog log, IReadOnlySet<string> skips,
        IReadOnlyList<string> plan, string target)
    {
        Root = root;
        Profile = profile;
        Target = target;
        Config = config;
        Args = args;
        Log = log;
        _skips = skips;
        State = StateFile.For(Path.GetFullPath(Path.Combine(root, args.Value(Options.StateDir) ?? ".dwh")), profile.Name());
        ArtifactsDir = Path.GetFullPath(Path.Combine(root, args.Value(Options.Artifacts) ?? "artifacts"));
        Summary = new RunSummary(profile.Name(), Id);
        // Provision starts the local cluster beside moto when a later target of this run will use it.
        Local = new LocalServices(root, config, State, log)
        {
            StartWarehouseEarly = plan.Any(t => RunAudit.Audited.Contains(t) && !t.Equals("Provision", StringComparison.OrdinalIgnoreCase) &&
                                                !skips.Contains(t)),
        };
        Sql = SqlFiles.In(root);
        Platform = Platform.For(profile, config, State, Sql, Local, root, log);
        Lineage = new LineageLog(ArtifactsDir, Id, target, Platform.Datasets, log);
        Window = DateWindow.Parse(args.Value(Options.From), args.Value(Options.To));
        _cancellation = new RunCancellation(log);
        Audit = new RunAudit(this);
    }

    public string Root { get; }
    public Profile Profile { get; }

    /// What the profile means (control plane, warehouse, data location), built once here.
    public Platform Platform { get; }

    /// The run's OpenLineage events, in artifacts/lineage/RUN_ID.jsonl.
    public LineageLog Lineage { get; }
    public DwhConfig Config { get; }
    public CommandLineArguments Args { get; }
    public PipelineLog Log { get; }
    public StateFile State { get; }
    public RunSummary Summary { get; }
    public LocalServices Local { get; }
    public SqlFiles Sql { get; }

    /// --from/--to, or null for all days.
    public DateWindow? Window { get; }
    public CancellationToken Ct => _cancellation.Token;

    /// "SIGINT" or "SIGTERM" when a signal cancelled this run.
    public string? CancelledBy => _cancellation.Signal;

    /// The run's exit code when a signal cancelled it (130, 143); null otherwise (Cake's own: 0 or 1).
    public int? CancelledExitCode => _cancellation.ExitCode;

    /// The one writer lock of this run (taken by the first writing target) and its etl_runs rows.
    public RunAudit Audit { get; }

    /// This invocation's id (UTC start time plus 8 random hex digits): the etl_runs rows of one run share it.
    public string Id { get; } = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}"[..25];
    public string ArtifactsDir { get; }

    /// The target named on the command line (Etl, StageCopy, ...): the job that each target's work belongs to.
    public string Target { get; }

    /// Builds the run from Cake's arguments; fails before any work on an undeclared option, a bad profile, --skip or configuration.
    public static Run Create(IEnumerable<KeyValuePair<string, ICollection<string>>> arguments, string root,
        IReadOnlyList<TargetInfo> graph, string target, IDictionary? environment = null, IEnumerable<string>? rawArguments = null)
    {
        var args = new CommandLineArguments(arguments, rawArguments);
        OptionCheck.Validate(args, graph, target);
        var profile = Profiles.Parse(args.Value(Options.Profile));
        var skips = args.List(Options.Skip);
        var configPath = Path.GetFullPath(Path.Combine(root, args.Value(Options.Config) ?? "dwh.cfg"));
        var config = DwhConfig.FromFile(configPath, environment ?? Environment.GetEnvironmentVariables(), args.ConfigOverrides, root);
        foreach (var option in PathOptions.Written)
            if (args.Value(option) is { } path) Safety.PathGuard.Require(Path.Combine(root, path), root, $"--{option.Name}");
        return new Run(root, profile, config, args, new PipelineLog(Console.Out, args.Flag(Options.Verbose)), skips, TargetInfo.Plan(graph, target), target);
    }

    public bool Skips(string target) => _skips.Contains(target);

    /// The warehouse to work on: the local PostgreSQL (started when needed) or the Redshift cluster Provision made.
    public Task<WarehouseEndpoint> WarehouseAsync() => Platform.WarehouseAsync(Ct);

    /// The warehouse as the read-only role CreateTables made: for Query, Report and Connect.
    public Task<WarehouseEndpoint> ReaderWarehouseAsync() => Platform.ReaderWarehouseAsync(Ct);

    /// The warehouse if it is up now, without starting anything: for the run summary's row counts.
    public Task<WarehouseEndpoint?> RunningWarehouseAsync() => Platform.RunningWarehouseAsync(Ct);

    /// What Provision, Teardown, Status and Plan work with: moto in the local profile (started when needed), real AWS
    /// in the aws profile.
    public async Task<AwsSession> AwsSessionAsync() =>
        new(await Platform.ControlPlaneAsync(Ct), Config, Profile, State, Log, Pricing.Load(Root))
        {
            Root = Root,
            PasswordFromEnvironment = Environment.GetEnvironmentVariable("DWH_DB_PASSWORD") is { Length: > 0 } p ? p : null,
        };

    /// The target boundary: expected failures pass through as they are; anything else keeps its stack trace.
    public async Task<T> Boundary<T>(string target, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (PipelineException e) when (e.InnerException is not null && DiskFull.Describe(target, e, DiskPlaces()) is { } full)
        {
            // A step that worded the failure itself (a load's "Fix the staged data") still says the disk is full.
            throw new PipelineException(full, e);
        }
        catch (PipelineException)
        {
            throw;
        }
        catch (OperationCanceledException) when (Ct.IsCancellationRequested)
        {
            throw new PipelineException($"{target} was cancelled by {CancelledBy ?? "the run"}: its open transaction was rolled back, " +
                                        "nothing uncommitted remains; run it again to finish");
        }
        catch (Exception e) when (DiskFull.Describe(target, e, DiskPlaces()) is { } full)
        {
            throw new PipelineException(full, e);
        }
        catch (Exception e)
        {
            // The messages may quote data: escaped, each on its line; the stack trace follows as it is.
            throw new PipelineException($"{target} failed unexpectedly: " +
                                        string.Join(" ---> ", Chain(e).Select(x => $"{x.GetType().FullName}: {LogText.Value(x.Message)}")) +
                                        $"\n{e.StackTrace}", e);
        }
    }

    static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }

    /// The folders this run writes, for a full disk's message: where each one's free space is.
    IEnumerable<(string What, string Folder)> DiskPlaces()
    {
        if (Profile == Profile.Local)
        {
            yield return ("the local PostgreSQL cluster", Local.Postgres.Folder);
            yield return ("[LOCAL] data_dir", Local.Folder);
        }
        yield return ("--artifacts", ArtifactsDir);
        yield return ("the state folder", Path.GetDirectoryName(State.Path) ?? "");
    }

    public void Dispose()
    {
        Local.Settle();
        Audit.Dispose();
        _cancellation.Dispose();
    }
}
