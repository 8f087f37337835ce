using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Sparkify.Pipeline;

/// <summary>
/// Every log line and error message passes through here. Secrets the run learns (passwords, session tokens)
/// are registered and masked; connection-string passwords and AWS secret keys are masked by shape as well.
/// </summary>
public static partial class Redact
{
    const string Mask = "***";
    static readonly ConcurrentDictionary<string, byte> Secrets = new();

    public static void Register(string? secret)
    {
        // Very short values would mask ordinary words.
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 6) Secrets.TryAdd(secret, 0);
    }

    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var secret in Secrets.Keys)
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        text = PasswordSetting().Replace(text, m => m.Groups[1].Value + Mask);
        return SecretKey().Replace(text, m => m.Groups[1].Value + Mask);
    }

    [GeneratedRegex(@"((?:password|pwd)\s*[=:]\s*)[^;\s'""]+", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();

    [GeneratedRegex(@"((?:aws_secret_access_key|secret_?key|x-amz-security-token)\s*[=:]\s*)[A-Za-z0-9/+=]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
