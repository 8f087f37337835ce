namespace Sparkify.Pipeline.Runs;

/// Who holds (or asks for) a warehouse's writer lock: the run, its process, the target it is in, since when.
public sealed record WriterHolder(string RunId, string Process, string Target, DateTime StartedAt)
{
    /// This process: "pid 1234 on host (user)".
    public static string ThisProcess => $"pid {Environment.ProcessId} on {Environment.MachineName} (user {Environment.UserName})";

    public override string ToString() =>
        $"run {RunId}, {Process}, now in target {Target}, writing since {StartedAt:yyyy-MM-dd HH:mm:ss} UTC";
}
