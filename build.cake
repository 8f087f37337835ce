// sparkify-dwh: the pipeline's target graph. All logic lives in build/Sparkify.Pipeline; each task is one call into it.
// Run through ./build.sh (or build.cmd), which builds the library first: ./build.sh CreateTables --profile=local
#r "build/Sparkify.Pipeline/bin/Release/net10.0/Sparkify.Pipeline.dll"

using Sparkify.Pipeline;
using Sparkify.Pipeline.Summary;
using Sparkify.Pipeline.Targets;

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

Task("CreateTables")
    .Description("Create the staging and star-schema tables for the warehouse's dialect (--recreate drops them first)")
    .WithCriteria<Run>((ctx, run) => !run.Skips("CreateTables"), "skipped by --skip")
    .Does<Run>(run => CreateTables.ExecuteAsync(run));

Task("StageCopy")
    .Description("Load S3 JSON into staging_events and staging_songs (local: uploads --sample=DIR or a generated sample to moto first; --from/--to restrict the event days)")
    .IsDependentOn("CreateTables")
    .WithCriteria<Run>((ctx, run) => !run.Skips("StageCopy"), "skipped by --skip")
    .Does<Run>(run => StageCopy.ExecuteAsync(run));

//////////////////////////////////////////////////////////////////////
// ENTRY POINTS
//////////////////////////////////////////////////////////////////////

Task("Benchmark")
    .Description("Time the staging loaders on generated data: project loader, PostgreSQL-native, row-by-row (--scale=N, --methods=a,b,c,d)")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Benchmark"), "skipped by --skip")
    .Does<Run>(run => Benchmark.ExecuteAsync(run));

Task("Generate")
    .Description("Write a deterministic synthetic sample in the public layout (--scale=N, --seed=S, --out=DIR; default artifacts/sample)")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Generate"), "skipped by --skip")
    .Does<Run>(run => Generate.ExecuteAsync(run));

Task("Teardown")
    .Description("Stop and remove what the pipeline started (local profile: moto, PostgreSQL and .local/)")
    .WithCriteria<Run>((ctx, run) => !run.Skips("Teardown"), "skipped by --skip")
    .Does<Run>(run => TeardownLocal.ExecuteAsync(run));

Task("Test")
    .Description("Run the whole NUnit suite, unit and integration (--filter=EXPR narrows it)")
    .Does<Run>(run => TestRun.ExecuteAsync(run));

// Under --description or --tree Cake only lists the graph, whatever the target.
RunTarget(target);
