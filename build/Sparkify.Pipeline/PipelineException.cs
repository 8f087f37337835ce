namespace Sparkify.Pipeline;

/// An expected failure: its message names what failed, where, and what to do next. Printed without a stack trace.
public sealed class PipelineException : Exception
{
    // Cake prints the message itself, so it is a sink too: secrets masked, control characters escaped.
    public PipelineException(string message) : base(LogText.Line(Redact.Text(message))) { }

    public PipelineException(string message, Exception inner) : base(LogText.Line(Redact.Text(message)), inner) { }
}
