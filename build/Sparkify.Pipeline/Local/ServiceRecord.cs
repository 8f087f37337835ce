using System.Text.Json.Serialization;

namespace Sparkify.Pipeline.Local;

/// A local service process as the pipeline started it, kept in the state file (outside the data folder, so it
/// survives rm -rf .local): pid, port, and the start time /proc gives it, to tell it from a later process with the same pid.
public sealed record ServiceRecord(int Pid, int Port, long? StartTicks)
{
    /// Whether this very process still runs (same pid, same start time).
    [JsonIgnore]
    public bool IsAlive => ServiceProcess.IsAlive(Pid) && ServiceProcess.StartTicks(Pid) == StartTicks;

    public static ServiceRecord Of(int pid, int port) => new(pid, port, ServiceProcess.StartTicks(pid));
}
