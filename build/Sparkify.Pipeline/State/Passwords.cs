using System.Security.Cryptography;

namespace Sparkify.Pipeline.State;

/// Generated database passwords. Redshift's rules: 8-64 printable ASCII characters with an upper-case letter, a
/// lower-case letter and a digit, and none of ' " \ / @ or space (Redshift CREATE USER documentation).
public static class Passwords
{
    const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    const string Lower = "abcdefghijkmnopqrstuvwxyz";
    const string Digits = "23456789";
    const string Symbols = "!#%^*-_=+.,";

    public static string New(int length = 32)
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new char[length];
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Digits);
        for (var i = 3; i < length; i++) chars[i] = Pick(all);
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        var password = new string(chars);
        Redact.Register(password);
        return password;
    }

    public static bool MeetsRedshiftRules(string password) =>
        password.Length is >= 8 and <= 64 && password.Any(char.IsAsciiLetterUpper) && password.Any(char.IsAsciiLetterLower) &&
        password.Any(char.IsAsciiDigit) && password.All(c => c is > ' ' and < (char)127 && "'\"\\/@".IndexOf(c) < 0);

    static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
