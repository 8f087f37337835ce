namespace Sparkify.Pipeline.Loading.Json;

/// A column fed by one top-level member: directly (Rest empty) or through the rest of a JSONPath.
public sealed record MemberTarget(int Column, PathStep[] Rest);

/// <summary>
/// Which columns a record's top-level members feed. 'auto': the key equal to a column's name (lower-case, exact),
/// 'auto ignorecase': equal ignoring case; JSONPaths: expression N feeds column N. Unmapped keys are ignored,
/// as Redshift ignores them. Lookups take the key as characters, so no string is made per key.
/// </summary>
public sealed class ColumnMap
{
    readonly Dictionary<string, MemberTarget[]> _members;
    readonly Dictionary<string, MemberTarget[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    ColumnMap(Dictionary<string, MemberTarget[]> members)
    {
        _members = members;
        _lookup = members.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// 'auto ignorecase': keys are compared as characters, ignoring case; otherwise byte for byte (MemberLookup).
    public bool IgnoreCase => _members.Comparer == StringComparer.OrdinalIgnoreCase;

    /// The mapped keys with their targets, in the order they were mapped (column order).
    public IEnumerable<KeyValuePair<string, MemberTarget[]>> Members => _members;

    public static ColumnMap Auto(IReadOnlyList<TargetColumn> columns, bool ignoreCase)
    {
        var members = new Dictionary<string, MemberTarget[]>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) members[columns[i].Name] = [new MemberTarget(i, [])];
        return new ColumnMap(members);
    }

    public static ColumnMap FromJsonPaths(IReadOnlyList<JsonPath> paths, IReadOnlyList<TargetColumn> columns, string table, string where)
    {
        if (paths.Count != columns.Count)
            throw new PipelineException($"JSONPaths file {where} has {paths.Count} expressions but {table} has {columns.Count} columns; " +
                                        "COPY maps them by position, so the counts must match");
        var members = new Dictionary<string, MemberTarget[]>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            var first = paths[i].Steps[0].Name!;
            var target = new MemberTarget(i, paths[i].Steps.Skip(1).ToArray());
            members[first] = members.TryGetValue(first, out var existing) ? [.. existing, target] : [target];
        }
        return new ColumnMap(members);
    }

    public bool TryFind(ReadOnlySpan<char> key, out MemberTarget[] targets) => _lookup.TryGetValue(key, out targets!);
}
