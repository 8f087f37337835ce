namespace Sparkify.Pipeline.State;

/// A local service process as the pipeline started it, kept in the state file (outside the data folder, so it
/// survives rm -rf .local): pid, port, and the start time /proc gives it, to tell it from a later process with the
/// same pid (Local/ServiceProcess.cs reads /proc).
public sealed record ServiceRecord(int Pid, int Port, long? StartTicks);
