namespace Sparkify.Pipeline.Loading.Json;

public enum RecordStatus
{
    /// Only whitespace was left and the input is complete.
    End,

    /// The record continues beyond the bytes given: read more and call again from Consumed.
    NeedMore,

    /// One record was read: a row was added to the batch, or Error says why it was rejected.
    Row,

    /// The bytes from RecordStart are not valid JSON; the caller skips to the next line.
    Broken,
}

/// What one call of <see cref="RecordParser.Parse"/> found. Column is the target column of a value error, or -1.
public readonly record struct RecordOutcome(RecordStatus Status, int Consumed, int RecordStart, ValueError? Error = null, int Column = -1);
