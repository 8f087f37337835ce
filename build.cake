// sparkify-dwh: the pipeline's target graph. All logic lives in build/Sparkify.Pipeline; each task is one call into it.
// Run through ./build.sh (or build.cmd), which builds the library first: ./build.sh CreateTables --profile=local
#r "build/Sparkify.Pipeline/bin/Release/net10.0/Sparkify.Pipeline.dll"

using Sparkify.Pipeline;
using Sparkify.Pipeline.Summary;
using Sparkify.Pipeline.Targets;
// Cake's script host has a Teardown method of its own.
using TeardownTarget = Sparkify.Pipeline.Targets.Teardown;

var target = Argument("target", "");

//////////////////////////////////////////////////////////////////////
// SETUP / TEARDOWN
//////////////////////////////////////////////////////////////////////

// One Run per invocation: configuration, profile, state, log, cancellation. Invalid configuration fails here.
Setup<Run>(ctx => Run.Create(ctx.Arguments.GetArguments(), ctx.Environment.WorkingDirectory.FullPath, Tasks.Select(t => t.Name)));

TaskTeardown<Run>((ctx, run) => RunEnd.RecordTarget(run, ctx.Task.Name, ctx.Skipped, ctx.Successful, ctx.Duration));

Teardown<Run>((ctx, run) =>
{
    RunEnd.WriteSummaryAsync(run, ctx.Successful).GetAwaiter().GetResult();
    run.Dispose();
});

//////////////////////////////////////////////////////////////////////
// STAGES
//////////////////////////////////////////////////////////////////////

Task("Provision")
    .Description("Create the IAM role, the Redshift cluster (waits until available) and the ingress rule; idempotent (local profile: on moto)")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Provision"), "skipped by --skip")
    .Does<Run>(run => Provision.ExecuteAsync(run));

Task("CreateTables")
    .Description("Create the staging and star-schema tables for the warehouse's dialect (--recreate drops them first)")
    .IsDependentOn("Provision")
    .WithCriteria<Run>((ctx, run) => !run.Skips("CreateTables"), "skipped by --skip")
    .Does<Run>(run => CreateTables.ExecuteAsync(run));

Task("Report")
    .Description("Run the analytics queries read-only; write artifacts/report/index.html (tables and charts) and report.md")
    .IsDependentOn("CreateTables")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Report"), "skipped by --skip")
    .Does<Run>(run => Report.ExecuteAsync(run));
Task("Transform")
    .Description("Build songplays, users, songs, artists and time from staging in one transaction (--from/--to: only those days' events)")
    .IsDependentOn("CreateTables")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Transform"), "skipped by --skip")
    .Does<Run>(run => Transform.ExecuteAsync(run));

Task("Verify")
    .Description("Run the data-quality checks of sql/quality/; a violation fails the build with the offending rows")
    .IsDependentOn("Transform")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Verify"), "skipped by --skip")
    .Does<Run>(run => Verify.ExecuteAsync(run));

//////////////////////////////////////////////////////////////////////
// ENTRY POINTS
//////////////////////////////////////////////////////////////////////

Task("Teardown")
    .Description("Delete the cluster, the ingress rule and the role (--final-snapshot=NAME keeps a snapshot), then stop the local services; safe any time")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Teardown"), "skipped by --skip")
    .Does<Run>(run => TeardownTarget.ExecuteAsync(run));

Task("Status")
    .Description("Show what exists now, read from AWS: role, cluster status, endpoint, uptime and cost so far")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Status"), "skipped by --skip")
    .Does<Run>(run => Status.ExecuteAsync(run));

Task("Query")
    .Description("Print the result of --sql=\"select …\" or --file=PATH.sql, run read-only on the profile's warehouse")
    .Does<Run>(run => Query.ExecuteAsync(run));

Task("Test")
    .Description("Run the whole NUnit suite, unit and integration (--filter=EXPR narrows it)")
    .Does<Run>(run => TestRun.ExecuteAsync(run));

// Under --description or --tree Cake only lists the graph, whatever the target.
RunTarget(target);
