// sparkify-dwh: the pipeline's target graph. All logic lives in build/Sparkify.Pipeline; each task is one call into it.
// Run through ./build.sh (or build.cmd), which builds the library first: ./build.sh Etl --profile=local
//
//   Provision ─► CreateTables ─► StageCopy ─► Transform ─► Verify ─┐
//                                                        Report ──┴─► Etl
#r "build/Sparkify.Pipeline/bin/Release/net10.0/Sparkify.Pipeline.dll"

using Sparkify.Pipeline;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Telemetry;
using Cake.Common.Build.GitHubActions.Data;
using TeardownTarget = Sparkify.Pipeline.Targets.Teardown; // Cake's script host has a Teardown method of its own.

var target = Argument("target", "");

//////////////////////////////////////////////////////////////////////
// SETUP / TEARDOWN
//////////////////////////////////////////////////////////////////////

// One Run per invocation (options, configuration, profile, state, log, cancellation), built at the end of this file
// once the graph is declared, before Cake runs anything; null under --description or --tree, which only list.
Run run = null;
Setup<Run>(ctx => run);

// A writing target takes the run's writer lock first (a second writer is refused naming the holder); every stage
// records its start and outcome in etl_runs under the run's one id.
TaskSetup<Run>((ctx, run) => RunHooks.StartTargetAsync(run, ctx.Task.Name).GetAwaiter().GetResult());

TaskTeardown<Run>((ctx, run) => RunHooks.RecordTargetAsync(run, ctx.Task.Name, ctx.Skipped, ctx.Successful, ctx.Duration,
    ctx.ThrownException).GetAwaiter().GetResult());

// In GitHub Actions (GITHUB_ACTIONS=true) the run becomes the step's summary and ::error/::warning annotations, written
// by Cake's own GitHub Actions commands, which escape them as workflow commands require (docs/ci.md).
void ToGitHub(System.Text.Json.Nodes.JsonObject summary)
{
    var commands = BuildSystem.GitHubActions.Commands;
    try
    {
        if (string.IsNullOrEmpty(EnvironmentVariable("GITHUB_STEP_SUMMARY"))) Warning("GITHUB_STEP_SUMMARY is not set: no step summary written");
        else commands.SetStepSummary(StepSummary.Markdown(summary, target));
        foreach (var a in CiAnnotations.From(summary, run.Root))
        {
            var at = new GitHubActionsAnnotation { Title = a.Title, File = a.File, StartLine = a.Line };
            if (a.IsError) commands.Error(a.Message, at); else commands.Warning(a.Message, at);
        }
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Warning($"GitHub Actions step summary not written: {e.Message}");   // CI output never fails the run it describes
    }
}

// The one skip criterion, on every target that does work of its own: --skip=NAME leaves it out and the rest of the
// plan runs. The startup check accepts --skip only for targets that carry it.
public static CakeTaskBuilder Skippable(this CakeTaskBuilder task) =>
    task.WithCriteria<Run>((ctx, run) => !run.Skips(task.Task.Name), Skipping.Reason);

//////////////////////////////////////////////////////////////////////
// STAGES
//////////////////////////////////////////////////////////////////////

Task("Provision")
    .Description("Create the IAM role, the Redshift cluster (waits until available) and the ingress rule; idempotent (local profile: on moto)")
    .Skippable()
    .Does<Run>(run => Provision.ExecuteAsync(run));

Task("CreateTables")
    .Description("Create the staging and star-schema tables for the warehouse's dialect (--recreate drops them first)")
    .IsDependentOn("Provision")
    .Skippable()
    .Does<Run>(run => CreateTables.ExecuteAsync(run));

Task("StageCopy")
    .Description("Load the S3 JSON into staging_events and staging_songs (local: uploads --sample=DIR, else the warehouse's own sample, first; --from/--to: those days)")
    .IsDependentOn("CreateTables")
    .Skippable()
    .Does<Run>(run => StageCopy.ExecuteAsync(run));

Task("Transform")
    .Description("Build songplays, users, songs, artists and time from staging in one transaction (--from/--to: only those days' events)")
    .IsDependentOn("StageCopy")
    .Skippable()
    .Does<Run>(run => Transform.ExecuteAsync(run));

Task("Verify")
    .Description("Run the data-quality checks of sql/quality/; a violation fails the build with the offending rows")
    .IsDependentOn("Transform")
    .Skippable()
    .Does<Run>(run => Verify.ExecuteAsync(run));

// Report reads whatever the warehouse holds now, so it depends on nothing: alone it reports, in Etl it follows Verify.
Task("Report")
    .Description("Run the analytics queries read-only on the current warehouse; write artifacts/report/index.html and report.md")
    .Skippable()
    .Does<Run>(run => Report.ExecuteAsync(run));

//////////////////////////////////////////////////////////////////////
// ENTRY POINTS
//////////////////////////////////////////////////////////////////////

Task("Etl")
    .Description("The whole pipeline: Provision, CreateTables, StageCopy, Transform, Verify, then Report")
    .IsDependentOn("Verify")
    .IsDependentOn("Report");

Task("Teardown")
    .Description("Delete the cluster (or Serverless usage limit, workgroup, namespace), the ingress rule and the role (--final-snapshot=NAME keeps a snapshot), then stop the local services; safe any time")
    .Skippable()
    .Does<Run>(run => TeardownTarget.ExecuteAsync(run));

Task("Status")
    .Description("Show what exists now, read from AWS: role, cluster status, endpoint, uptime and cost so far")
    .Skippable()
    .Does<Run>(run => Status.ExecuteAsync(run));

Task("Plan")
    .Description("List what Provision would create and what exists, the DDL and COPY statements (role ARN redacted) and the cost; changes nothing")
    .Skippable()
    .Does<Run>(run => Plan.ExecuteAsync(run));

Task("Query")
    .Description("Print the result of --sql=\"select …\" or --file=PATH.sql, run read-only on the profile's warehouse")
    .Does<Run>(run => Query.ExecuteAsync(run));

Task("Connect")
    .Description("Print the warehouse's connection parameters and a ready psql command (read-only role; --owner: the owner role); the password goes in a 0600 pgpass file")
    .Does<Run>(run => Connect.ExecuteAsync(run));

Task("Generate")
    .Description("Write a deterministic synthetic sample in the public layout (--scale=N, --seed=S, --out=DIR; default artifacts/sample)")
    .Skippable()
    .Does<Run>(run => Generate.ExecuteAsync(run));

Task("Benchmark")
    .Description("Time the staging loaders on generated data: project loader (folder, moto), PostgreSQL-native, row-by-row, moto fetch-only, the typed CSV COPY ceiling; then the Transform beside a plain peer, a window and the history cases (--scale=N, --methods=a,b,c,d,e,f, --cases, --runs)")
    .Skippable()
    .Does<Run>(run => Benchmark.ExecuteAsync(run));

Task("Test")
    .Description("Run the whole NUnit suite, unit and integration (--filter=EXPR narrows it)")
    .Does<Run>(run => TestRun.ExecuteAsync(run));

//////////////////////////////////////////////////////////////////////
// START
//////////////////////////////////////////////////////////////////////

// The command line and dwh.cfg are checked here, before anything runs: an undeclared option or a bad setting ends the
// script with its message and exit code 2 (docs/targets.md). ./build.sh --help prints the targets and their options.
var graph = Tasks.Select(t => new TargetInfo(t.Name, t.Description ?? "", t.Dependencies.Select(d => d.Name).ToList(),
    Skippable: ((CakeTask)t).Criterias.Any(c => c.Message == Skipping.Reason))).ToList();
var arguments = Context.Arguments.GetArguments();
if (HelpText.Requested(arguments)) HelpText.Print(graph, target);
else
{
    try { run = Startup.ListingOnly() ? null : Run.Create(arguments, Context.Environment.WorkingDirectory.FullPath, graph, target,
        rawArguments: System.Environment.GetCommandLineArgs()); }
    catch (PipelineException e) { throw new CakeException(Startup.UsageExitCode, e.Message); }
    // The run's end (--teardown-after, artifacts/run-summary.json, the exit code of a signal) follows RunTarget rather
    // than a Cake Teardown action: Cake lists such an action as "Teardown ... Succeeded" in its task table, which read
    // as the Teardown target. Every end (success, failure, Ctrl+C, SIGTERM) still passes here.
    var succeeded = false;
    try
    {
        RunTarget(target);
        succeeded = true;
    }
    finally
    {
        if (run is not null)
        {
            try
            {
                if (TeardownAfter.Asked(run, target)) TeardownAfter.ExecuteAsync(run, succeeded).GetAwaiter().GetResult();
            }
            finally
            {
                var summary = RunHooks.WriteSummaryAsync(run, succeeded).GetAwaiter().GetResult();
                if (BuildSystem.GitHubActions.IsRunningOnGitHubActions) ToGitHub(summary);
                RunHooks.SetExitCode(run);
                run.Dispose();
            }
        }
    }
}
