namespace Sparkify.Pipeline.Loading.Json;

/// A column fed by one top-level member: directly (Rest empty) or through the rest of a JSONPath.
public sealed record MemberTarget(int Column, PathStep[] Rest);

/// <summary>
/// Which columns a record's top-level members feed. 'auto': the key equal to a column's name (lower-case, exact),
/// 'auto ignorecase': equal ignoring case; JSONPaths: expression N feeds column N, by member name for records that
/// are objects or by element index ($[0]) for records that are arrays. Unmapped keys are ignored, as Redshift ignores
/// them. Lookups take the key as characters, so no string is made per key.
/// </summary>
public sealed class ColumnMap
{
    readonly Dictionary<string, MemberTarget[]> _members;
    readonly Dictionary<string, MemberTarget[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly MemberTarget[][] _elements;

    ColumnMap(Dictionary<string, MemberTarget[]> members, MemberTarget[][]? elements = null, IReadOnlyList<JsonPath>? paths = null)
    {
        _members = members;
        _lookup = members.GetAlternateLookup<ReadOnlySpan<char>>();
        _elements = elements ?? [];
        Paths = paths ?? [];
    }

    /// JSONPaths whose expressions start with an index ($[0]): records must be arrays.
    public bool ArrayRoot => _elements.Length > 0;

    /// The JSONPath expressions, in column order (empty for 'auto').
    public IReadOnlyList<JsonPath> Paths { get; }

    /// The columns fed by element `index` of an array record (none past the highest index mapped).
    public MemberTarget[] Element(int index) => index < _elements.Length ? _elements[index] : [];

    /// The number of elements an array record must have for every $[n] expression to find its element.
    public int ElementsNeeded => _elements.Length;

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
        if (paths.Any(p => p.ArrayRoot) && !paths.All(p => p.ArrayRoot))
            throw new PipelineException($"JSONPaths file {where} mixes $[n] expressions (records that are arrays) with $['name'] or $.name " +
                                        "expressions (records that are objects); no record could satisfy both");
        if (paths.FirstOrDefault(p => p.ArrayRoot && p.Steps[0].Index > 1600) is { } far)
            throw new PipelineException($"JSONPaths file {where}: '{far}' indexes past 1,600, Redshift's most columns in a table");
        var members = new Dictionary<string, MemberTarget[]>(StringComparer.Ordinal);
        var elements = new List<MemberTarget>[paths.Where(p => p.ArrayRoot).Select(p => p.Steps[0].Index + 1).DefaultIfEmpty(0).Max()];
        for (var i = 0; i < paths.Count; i++)
        {
            var target = new MemberTarget(i, paths[i].Steps.Skip(1).ToArray());
            if (paths[i].ArrayRoot)
            {
                (elements[paths[i].Steps[0].Index] ??= []).Add(target);
                continue;
            }
            var first = paths[i].Steps[0].Name!;
            members[first] = members.TryGetValue(first, out var existing) ? [.. existing, target] : [target];
        }
        return new ColumnMap(members, elements.Select(e => e?.ToArray() ?? []).ToArray(), paths);
    }

    public bool TryFind(ReadOnlySpan<char> key, out MemberTarget[] targets) => _lookup.TryGetValue(key, out targets!);
}
