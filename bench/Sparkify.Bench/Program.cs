using Sparkify.Bench;
using Sparkify.Pipeline;

// The benchmark of issue 4: dotnet run -c Release --project bench/Sparkify.Bench -- --scale=N (README.md, Benchmark).
if (BenchOptions.WantsHelp(args))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
try
{
    using var cts = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
    await Benchmark.RunAsync(BenchOptions.Parse(args), Console.Out, cts.Token);
    return 0;
}
catch (Exception e) when (e is PipelineException or ArgumentException)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 1;
}
