using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Loading.Ledger;

/// <summary>
/// What one table's load did to its objects, against the load ledger: added (new keys), changed (new content or a
/// retried failure: rows replaced), removed (left the source: rows deleted), unchanged (not read at all), and
/// rejected (objects of this load with rejected records, within MAXERROR).
/// </summary>
public sealed record ObjectCounts(int Added, int Changed, int Removed, int Unchanged, int Rejected)
{
    public bool NothingToDo => Added == 0 && Changed == 0 && Removed == 0;

    /// The run summary's loads[].objects.
    public JsonObject ToJson() => new()
    {
        ["added"] = Added, ["changed"] = Changed, ["removed"] = Removed, ["unchanged"] = Unchanged, ["rejected"] = Rejected,
    };

    public override string ToString() =>
        $"{Added:N0} added, {Changed:N0} changed, {Removed:N0} removed, {Unchanged:N0} unchanged, {Rejected:N0} with rejected records";
}
