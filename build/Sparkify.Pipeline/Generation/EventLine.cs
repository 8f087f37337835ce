using System.Text;

namespace Sparkify.Pipeline.Generation;

/// A log line's text: the real logs' 18 keys in their order, no spaces, '/' escaped, registration as a float.
public static class EventLine
{
    public static void Write(StringBuilder sb, LogEvent e)
    {
        sb.Append("{\"artist\":");
        JsonText.String(sb, e.Artist, escapeSlash: true);
        sb.Append(",\"auth\":");
        JsonText.String(sb, e.Auth, escapeSlash: true);
        sb.Append(",\"firstName\":");
        JsonText.String(sb, e.FirstName, escapeSlash: true);
        sb.Append(",\"gender\":");
        JsonText.String(sb, e.Gender, escapeSlash: true);
        sb.Append(",\"itemInSession\":").Append(e.ItemInSession);
        sb.Append(",\"lastName\":");
        JsonText.String(sb, e.LastName, escapeSlash: true);
        sb.Append(",\"length\":");
        JsonText.Number(sb, e.Length);
        sb.Append(",\"level\":");
        JsonText.String(sb, e.Level, escapeSlash: true);
        sb.Append(",\"location\":");
        JsonText.String(sb, e.Location, escapeSlash: true);
        sb.Append(",\"method\":");
        JsonText.String(sb, e.Method, escapeSlash: true);
        sb.Append(",\"page\":");
        JsonText.String(sb, e.Page, escapeSlash: true);
        sb.Append(",\"registration\":");
        JsonText.WholeFloat(sb, e.Registration);
        sb.Append(",\"sessionId\":").Append(e.SessionId);
        sb.Append(",\"song\":");
        JsonText.String(sb, e.Song, escapeSlash: true);
        sb.Append(",\"status\":").Append(e.Status);
        sb.Append(",\"ts\":").Append(e.Ts);
        sb.Append(",\"userAgent\":");
        JsonText.String(sb, e.UserAgent, escapeSlash: true);
        sb.Append(",\"userId\":");
        JsonText.String(sb, e.UserId, escapeSlash: true);
        sb.Append('}');
    }
}
