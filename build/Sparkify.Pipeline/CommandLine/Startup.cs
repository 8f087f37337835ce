namespace Sparkify.Pipeline.CommandLine;

/// What build.cake needs before the graph runs: whether Cake only lists, and the exit codes (docs/targets.md).
public static class Startup
{
    /// The command line or dwh.cfg is wrong; nothing ran. (1 is a failed target; 130/143 stay free for signals.)
    public const int UsageExitCode = 2;

    static readonly string[] Listing = ["--description", "--showdescription", "--tree", "--showtree", "--version", "--ver", "--info"];

    /// Under Cake's listing options nothing runs, so no run is built and a broken dwh.cfg does not stop the listing.
    /// Cake consumes these options before the script sees its arguments, so they are read from the process's own.
    public static bool ListingOnly() => ListingOnly(Environment.GetCommandLineArgs());

    public static bool ListingOnly(IEnumerable<string> commandLine) =>
        commandLine.Any(a => Listing.Contains(a.Split('=')[0], StringComparer.OrdinalIgnoreCase));
}
