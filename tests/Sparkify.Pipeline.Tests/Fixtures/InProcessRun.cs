using System.Collections;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// A Run built in the test's own process, as build.cake builds it, with its state, artifacts and data in a temporary
/// folder and its log written to <c>output</c> (a run logs to Console.Out as it was when the run was made).
public static class InProcessRun
{
    static readonly IReadOnlyList<TargetInfo> Graph =
        [new("Provision", "", []), new("CreateTables", "", ["Provision"]), new("StageCopy", "", ["CreateTables"]), new("Transform", "", ["StageCopy"])];

    public static Run Create(TempDir dir, TextWriter output)
    {
        Console.SetOut(output);
        var arguments = new Dictionary<string, ICollection<string>>
            { ["state-dir"] = [dir.File("state")], ["artifacts"] = [dir.File("artifacts")], ["LOCAL"] = [$"data_dir={dir.File("local")}"] };
        return Run.Create(arguments, Repo.Root, Graph, "Transform", new Hashtable());
    }
}
