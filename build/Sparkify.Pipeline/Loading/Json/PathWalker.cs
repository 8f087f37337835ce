using System.Text.Json;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// Follows the rest of a JSONPath ($.a[2].b) inside a nested value, with the guide's two rules ("JSONPath
/// expressions"): a member that is not there loads NULL; an array index that finds no element (past the end, or
/// the value is not an array) fails the COPY. Guide silent on an index into a JSON null: the choice is NULL, as for a
/// missing member (null is the absence of a value, not a value of the wrong kind).
/// </summary>
public sealed class PathWalker(ValueConverter converter, RowBuilder row)
{
    enum Found { Yes, Null, NoElement }

    public ValueError? Deep(ReadOnlySpan<byte> json, MemberTarget target, IReadOnlyList<JsonPath> paths)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        foreach (var step in target.Rest)
        {
            var found = step.IsIndex ? Element(ref reader, step.Index) : Member(ref reader, step.Name!);
            if (found == Found.Null) return null;
            if (found == Found.NoElement) return ValueError.NoSuchElement(paths[target.Column].Text);
        }
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return converter.Scalar(ref reader, target.Column, row);
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return converter.Container(json[start..(int)reader.BytesConsumed], target.Column, row);
    }

    /// A path that goes on below a scalar: a member is not there (NULL); an index finds no array (COPY fails).
    public ValueError? BelowScalar(ref Utf8JsonReader reader, MemberTarget target, IReadOnlyList<JsonPath> paths) =>
        target.Rest[0].IsIndex && reader.TokenType != JsonTokenType.Null ? ValueError.NoSuchElement(paths[target.Column].Text) : null;

    static Found Member(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return Found.Null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) return Found.Yes;
            reader.Skip();
        }
        return Found.Null;
    }

    static Found Element(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType == JsonTokenType.Null) return Found.Null;
        if (reader.TokenType != JsonTokenType.StartArray) return Found.NoElement;
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index) return Found.Yes;
            reader.Skip();
        }
        return Found.NoElement;
    }
}
