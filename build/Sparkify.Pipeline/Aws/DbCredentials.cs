namespace Sparkify.Pipeline.Aws;

/// Temporary database credentials from GetClusterCredentials(WithIAM): held in memory for one run, never saved.
public sealed record DbCredentials(string User, string Password, DateTimeOffset? Expires)
{
    /// Never prints the password.
    public override string ToString() => $"{User} (temporary{(Expires is { } e ? $", until {e:HH:mm} UTC" : "")})";
}
