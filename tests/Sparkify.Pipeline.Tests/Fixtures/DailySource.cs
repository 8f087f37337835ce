namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A source of event logs and song files as a test keeps it, staged the way StageCopy's ledger leaves a warehouse
/// (issue 27's contract): staging holds exactly the current files' rows, and staging_changes one row per object added,
/// changed or removed since the last stage, with the UTC days of its old and new rows together.
/// </summary>
public sealed class DailySource
{
    readonly SortedDictionary<string, StagedEvent[]> _logs = new(StringComparer.Ordinal);
    readonly SortedDictionary<string, StagedSong[]> _songs = new(StringComparer.Ordinal);
    readonly List<(string Table, string Key, string Change, DateOnly? From, DateOnly? To)> _changes = [];

    public void PutLog(string key, params StagedEvent[] events)
    {
        var old = _logs.GetValueOrDefault(key) ?? [];
        _logs[key] = events;
        var days = old.Concat(events).Select(e => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(e.Ts).UtcDateTime)).ToList();
        _changes.Add(("staging_events", key, old.Length == 0 ? "added" : "changed", days.Count == 0 ? null : days.Min(), days.Count == 0 ? null : days.Max()));
    }

    public void RemoveLog(string key)
    {
        var old = _logs[key];
        _logs.Remove(key);
        PutLogRemoved(key, old);
    }

    /// A rename: the old key leaves, the new one arrives with the same content.
    public void RenameLog(string key, string newKey)
    {
        var events = _logs[key];
        RemoveLog(key);
        PutLog(newKey, events);
    }

    public void PutSongs(string key, params StagedSong[] songs)
    {
        _changes.Add(("staging_songs", key, _songs.ContainsKey(key) ? "changed" : "added", null, null));
        _songs[key] = songs;
    }

    public void RemoveSongs(string key)
    {
        _songs.Remove(key);
        _changes.Add(("staging_songs", key, "removed", null, null));
    }

    public IReadOnlyCollection<StagedEvent[]> Logs => _logs.Values;

    /// One StageCopy: staging becomes the files' rows and the changes since the last one are recorded under runId,
    /// in one transaction as the load writes them.
    public async Task StageAsync(TestWarehouse warehouse, string runId)
    {
        await warehouse.ExecuteAsync("truncate table staging_events, staging_songs");
        await warehouse.StageAsync([.. _logs.Values.SelectMany(e => e)]);
        await warehouse.StageAsync([.. _songs.Values.SelectMany(s => s)]);
        foreach (var (table, key, change, from, to) in _changes)
            await warehouse.ExecuteAsync("""
                insert into staging_changes (run_id, table_name, object_key, change, day_from, day_to)
                values (@run_id, @table, @key, @change, @from, @to)
                """, ("run_id", runId), ("table", table), ("key", key), ("change", change), ("from", from), ("to", to));
        _changes.Clear();
    }

    /// A new warehouse built from the same files by one full Transform: what every daily run must equal.
    public async Task<TestWarehouse> FreshBuildAsync()
    {
        var fresh = await TestWarehouse.CreateAsync();
        await fresh.StageAsync([.. _logs.Values.SelectMany(e => e)]);
        await fresh.StageAsync([.. _songs.Values.SelectMany(s => s)]);
        await fresh.TransformAsync(runId: "fresh");
        return fresh;
    }

    void PutLogRemoved(string key, StagedEvent[] old)
    {
        var days = old.Select(e => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(e.Ts).UtcDateTime)).ToList();
        _changes.Add(("staging_events", key, "removed", days.Count == 0 ? null : days.Min(), days.Count == 0 ? null : days.Max()));
    }
}
