namespace Sparkify.Pipeline.Loading;

/// Thrown on a parser thread when a table's rejected records pass MAXERROR: every thread stops, nothing commits.
public sealed class MaxErrorExceededException() : Exception("MAXERROR exceeded");
