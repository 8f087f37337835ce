namespace Sparkify.Pipeline.Telemetry;

/// One GitHub Actions annotation (an ::error or ::warning workflow command): the message, a title, and the file and
/// line it points at when they are known. Cake's GitHubActions commands write and escape it (build.cake).
public sealed record CiAnnotation(bool IsError, string Message, string Title, string? File = null, int? Line = null);
