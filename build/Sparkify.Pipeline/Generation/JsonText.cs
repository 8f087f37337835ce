using System.Globalization;
using System.Text;

namespace Sparkify.Pipeline.Generation;

/// <summary>
/// JSON text written the way the real files are: every non-ASCII character as a lower-case \uXXXX escape. The event
/// logs also escape '/' as "\/" (their user agents read "Mozilla\/5.0"); the song files, written by Python's
/// json.dumps, do not. Numbers use the shortest round-trip form, as Python prints them.
/// </summary>
public static class JsonText
{
    public static void String(StringBuilder sb, string? value, bool escapeSlash)
    {
        if (value is null)
        {
            sb.Append("null");
            return;
        }
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '/' when escapeSlash: sb.Append("\\/"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    public static void Number(StringBuilder sb, double? value) =>
        sb.Append(value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null");

    /// A whole number written as a float, "1540344794796.0": how the real logs write registration.
    public static void WholeFloat(StringBuilder sb, long? value) =>
        sb.Append(value is { } v ? v.ToString(CultureInfo.InvariantCulture) + ".0" : "null");

    /// <summary>
    /// Text double-encoded as UTF-8 and read back as Latin-1 twice: the real logs' artist and song names
    /// look like this ("Beyoncé" reads "BeyoncÃ\u0083Â©"; PROVENANCE.md, mojibake).
    /// </summary>
    public static string Mojibake(string text)
    {
        var once = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));
        return Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(once));
    }
}
