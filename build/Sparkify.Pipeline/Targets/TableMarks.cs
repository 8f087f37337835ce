namespace Sparkify.Pipeline.Targets;

/// <summary>
/// The marks string of Runs/UpToDate ("table:identity:writes;…", in table name order) as a map, so that the stamps of
/// different steps can be compared table by table (<see cref="VerifyScope"/>).
/// </summary>
sealed record TableMarks(IReadOnlyDictionary<string, (long Identity, long Writes)> Tables)
{
    public static TableMarks Parse(string marks) => new(marks.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(m => m.Split(':'))
        .ToDictionary(p => p[0], p => (long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))));

    /// The same tables, with these many writes more.
    public TableMarks Plus(IReadOnlyDictionary<string, long> writes) => new(Tables.ToDictionary(t => t.Key,
        t => (t.Value.Identity, t.Value.Writes + writes.GetValueOrDefault(t.Key))));

    /// One table's mark, or null when it is not among them.
    public (long Identity, long Writes)? Of(string table) => Tables.TryGetValue(table, out var m) ? m : null;

    /// The same tables with the same identities and writes.
    public bool Same(TableMarks other) => Tables.Count == other.Tables.Count && Tables.All(t => other.Of(t.Key) == t.Value);
}
