using System.Globalization;
using System.Text;

namespace Sparkify.Pipeline.Loading.Json;

/// One step of a JSONPath: a member name or an array index.
public readonly record struct PathStep(string? Name, int Index)
{
    public bool IsIndex => Name is null;
}

/// How an expression names its members; array indexes ([0]) belong to both notations.
public enum PathNotation { None, Bracket, Dot }

/// <summary>
/// A JSONPath expression as Redshift's COPY accepts it: $ followed by members in bracket ($['a'], $["a"]) or dot
/// ($.a) notation and array indexes ($['a'][0], $.a[2].b, $[0] for records that are arrays). One expression uses
/// one notation; a dot name holds no quote, dot or bracket. Wildcards and filters are not part of COPY's dialect.
/// </summary>
public sealed class JsonPath
{
    JsonPath(string text, IReadOnlyList<PathStep> steps, PathNotation notation) => (Text, Steps, Notation) = (text, steps, notation);

    public string Text { get; }
    public IReadOnlyList<PathStep> Steps { get; }
    public PathNotation Notation { get; }

    /// True for $[n]…: the expression reads a record that is a JSON array.
    public bool ArrayRoot => Steps[0].IsIndex;

    public static JsonPath Parse(string text)
    {
        var steps = new List<PathStep>();
        var notation = PathNotation.None;
        if (!text.StartsWith('$')) throw Invalid(text, "does not start with $");
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                notation = Use(notation, PathNotation.Dot, text);
                var end = i + 1;
                while (end < text.Length && text[end] is not ('.' or '[')) end++;
                if (end == i + 1) throw Invalid(text, $"has an empty member name at position {i + 1}");
                var name = text[(i + 1)..end];
                if (name.IndexOfAny(['\'', ']']) is var bad and >= 0)
                    throw Invalid(text, $"has a '{name[bad]}' in a dot-notation name at position {i + 2 + bad} (use bracket notation for such names)");
                steps.Add(new PathStep(name, 0));
                i = end;
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] is '\'' or '"')
            {
                notation = Use(notation, PathNotation.Bracket, text);
                i = Quoted(text, i, steps);
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    throw Invalid(text, $"has an invalid array index at position {i + 1}");
                steps.Add(new PathStep(null, index));
                i = close + 1;
            }
            else throw Invalid(text, $"has an unexpected '{text[i]}' at position {i + 1}");
        }
        if (steps.Count == 0) throw Invalid(text, "names nothing after $ (write $['name'], $.name or $[0])");
        return new JsonPath(text, steps, notation);
    }

    /// "You can't mix bracket notation and dot notation" (Database Developer Guide, "JSONPath expressions").
    static PathNotation Use(PathNotation current, PathNotation next, string text) =>
        current == PathNotation.None || current == next ? next
            : throw Invalid(text, "mixes bracket and dot notation, which COPY does not accept");

    static int Quoted(string text, int i, List<PathStep> steps)
    {
        var quote = text[i + 1];
        var name = new StringBuilder();
        var j = i + 2;
        for (; j < text.Length && text[j] != quote; j++)
        {
            if (text[j] == '\\' && j + 1 < text.Length) j++;
            name.Append(text[j]);
        }
        if (j + 1 >= text.Length || text[j + 1] != ']') throw Invalid(text, $"has an unclosed bracket at position {i + 1}");
        steps.Add(new PathStep(name.ToString(), 0));
        return j + 2;
    }

    static PipelineException Invalid(string text, string problem) => new($"JSONPath expression '{text}' {problem}");

    public override string ToString() => Text;
}
