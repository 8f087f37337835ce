namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// Options bench/Sparkify.Bench takes beside the Benchmark target's declared ones (<see cref="Options"/>), which
/// ./build.sh does not: the target passes --root itself, and bench/run.sh passes whatever it is given (--keep).
/// </summary>
public static class BenchOnlyOptions
{
    static readonly string[] Bench = ["Benchmark"];

    public static readonly OptionSpec Root = new("root", OptionType.Path, "the checkout above the working folder", Bench, "the checkout whose sql/ the benchmark runs");
    public static readonly OptionSpec Keep = new("keep", OptionType.Flag, "false", Bench, "keep the work folder and its data afterwards");
}
