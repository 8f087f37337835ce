using System.Text;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// One AWS Query API call (IAM, Redshift): the action, the API version and the parameters in order. Building it is
/// pure so tests can pin every parameter; the body is the form encoding AWS documents for Query requests.
/// </summary>
public sealed record QueryRequest(string Action, string Version, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public static QueryRequest Of(string action, string version, params (string Key, string Value)[] parameters) =>
        new(action, version, parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)).ToList());

    /// The value of one parameter, or null: for tests and for logging names (never values that may be secret).
    public string? this[string key] => Parameters.FirstOrDefault(p => p.Key == key).Value;

    /// application/x-www-form-urlencoded with RFC 3986 escaping (what SigV4 canonicalisation expects).
    public string FormBody()
    {
        var body = new StringBuilder($"Action={Uri.EscapeDataString(Action)}&Version={Uri.EscapeDataString(Version)}");
        foreach (var (key, value) in Parameters)
            body.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        return body.ToString();
    }

    /// Never prints parameter values: CreateCluster carries the master password.
    public override string ToString() => $"{Action} ({string.Join(", ", Parameters.Select(p => p.Key))})";
}
