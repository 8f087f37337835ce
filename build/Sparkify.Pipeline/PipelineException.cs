namespace Sparkify.Pipeline;

/// An expected failure: its message names what failed, where, and what to do next. Printed without a stack trace.
public sealed class PipelineException : Exception
{
    public PipelineException(string message) : base(Redact.Text(message)) { }

    public PipelineException(string message, Exception inner) : base(Redact.Text(message), inner) { }
}
