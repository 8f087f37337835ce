using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Modeling;

/// Rows a Transform inserted, updated and deleted, per table, in the order the tables were first written.
public sealed class TableChanges
{
    readonly List<string> _order = [];
    readonly Dictionary<string, Dictionary<string, long>> _counts = new();

    public IReadOnlyList<string> Tables => _order;

    public void Add(string table, string kind, long rows)
    {
        if (!_counts.TryGetValue(table, out var counts))
        {
            _counts[table] = counts = new Dictionary<string, long> { ["inserted"] = 0, ["updated"] = 0, ["deleted"] = 0 };
            _order.Add(table);
        }
        counts[kind] += rows;
    }

    public long Inserted(string table) => Get(table, "inserted");
    public long Updated(string table) => Get(table, "updated");
    public long Deleted(string table) => Get(table, "deleted");

    public long Total => _counts.Values.Sum(c => c.Values.Sum());

    public JsonObject ToJson() => new(_order.Select(t => KeyValuePair.Create(t, (JsonNode?)new JsonObject
        { ["inserted"] = Inserted(t), ["updated"] = Updated(t), ["deleted"] = Deleted(t) })));

    long Get(string table, string kind) => _counts.TryGetValue(table, out var c) ? c[kind] : 0;
}
