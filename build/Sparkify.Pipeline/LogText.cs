using System.Globalization;
using System.Text;

namespace Sparkify.Pipeline;

/// <summary>
/// Text that reaches the console or a log, made safe to print. A data value (a staged field, a query cell, a check's row,
/// a server's error text) is escaped whole: a newline in it prints as \n, so data can never forge a log line. Every line
/// a sink writes is escaped too, all but its own line breaks: no carriage return, escape sequence or other control
/// character reaches a terminal raw, whatever path the text took (issue 24).
/// </summary>
public static class LogText
{
    /// A data value, every control character escaped (\n, \r, \t, \e, \xHH, \u2028 …), so it stays on one line.
    public static string Value(string? text) => Escape(text, keepNewlines: false);

    /// A message as a sink writes it: its own line breaks kept, any other control character escaped.
    public static string Line(string? text) => Escape(text, keepNewlines: true);

    static string Escape(string? text, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(c => Unsafe(c, keepNewlines))) return text ?? "";
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!Unsafe(c, keepNewlines)) escaped.Append(c);
            else escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\x1b' => @"\e",
                < '\x100' => @"\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return escaped.ToString();
    }

    // C0 and C1 controls and DEL, the Unicode line and paragraph separators, and the bidirectional overrides that can make
    // a terminal show text in another order than it is (Trojan Source, CVE-2021-42574). A tab is kept inside messages.
    static bool Unsafe(char c, bool keepNewlines) =>
        (char.IsControl(c) && !(keepNewlines && c is '\n' or '\t')) ||
        c is '\u2028' or '\u2029' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
