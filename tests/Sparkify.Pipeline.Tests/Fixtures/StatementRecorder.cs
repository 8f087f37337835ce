using System.Diagnostics;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// The SQL text Npgsql sends to one database, from Npgsql's own tracing (ActivitySource "Npgsql"): what reached the
/// server, not what the code meant to send.
/// </summary>
public sealed class StatementRecorder : IDisposable
{
    readonly ActivityListener _listener;
    readonly List<string> _statements = [];

    public StatementRecorder(string database)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var tags = activity.TagObjects.Where(t => t.Value is string).ToDictionary(t => t.Key, t => (string)t.Value!);
                if (!tags.ContainsValue(database)) return;
                foreach (var (key, text) in tags)
                    if (key is "db.statement" or "db.query.text")
                        lock (_statements) _statements.Add(text);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Statements { get { lock (_statements) return [.. _statements]; } }

    public void Clear() { lock (_statements) _statements.Clear(); }

    public void Dispose() => _listener.Dispose();
}
