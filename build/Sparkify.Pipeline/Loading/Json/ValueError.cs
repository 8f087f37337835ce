namespace Sparkify.Pipeline.Loading.Json;

/// Why one value could not go into its column; the row it belongs to is rejected.
public sealed record ValueError(int Code, string Reason, string RawValue);
