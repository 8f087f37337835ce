using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// How JSON records map to columns, one COPY rule at a time (Redshift Database Developer Guide, "COPY from JSON format").
public class JsonMappingTests
{
    const string Ddl = "create table t (title varchar(64), year integer, note varchar(256))";

    static async Task<List<object?[]>> LoadAsync(string json, CopyOptions options, string ddl = Ddl, string query = "select * from t order by 1")
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", json);
        var db = await WithTableAsync(ddl);
        await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), options), Context(), CancellationToken.None);
        return await RowsAsync(db, query);
    }

    [Test]
    public async Task Auto_maps_keys_equal_to_column_names_and_ignores_other_cases_and_unknown_keys()
    {
        var rows = await LoadAsync("""{"title": "a", "Year": 1999, "extra": true, "note": "n"}""", Options());

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "a", null, "n" } }));
    }

    [Test]
    public async Task Auto_ignorecase_maps_keys_whatever_their_case()
    {
        var rows = await LoadAsync("""{"TITLE": "a", "Year": 1999}""", Options(CopyFormat.AutoIgnoreCase));

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "a", 1999, null } }));
    }

    [Test]
    public async Task Keys_map_in_any_order_and_when_written_with_escapes()
    {
        // The loader tries the key that followed the last match first: each order and escaped names must still map.
        const string json = """
            {"title": "a", "year": 1, "note": "x"}
            {"note": "y", "extra": 0, "year": 2, "title": "b"}
            {"year": 3, "\u0074itle": "c", "not\u0065": "z"}
            {"extra": 0}
            """;

        var rows = await LoadAsync(json, Options());

        Assert.That(rows, Is.EqualTo(new[]
        {
            new object?[] { "a", 1, "x" }, new object?[] { "b", 2, "y" }, new object?[] { "c", 3, "z" }, new object?[] { null, null, null },
        }));
    }

    [Test]
    public async Task Missing_key_loads_null()
    {
        var rows = await LoadAsync("""{"title": "only"}""", Options());

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "only", null, null } }));
    }

    [Test]
    public async Task Nested_object_or_array_loads_as_its_json_text()
    {
        var rows = await LoadAsync("""{"title": "a", "note": {"k": [1, "x", null]}}{"title": "b", "note": [1,2]}""", Options());

        Assert.That(rows.Select(r => r[2]), Is.EqualTo(new[] { """{"k": [1, "x", null]}""", "[1,2]" }));
    }

    [Test]
    public async Task Whitespace_separated_objects_load_pretty_printed_or_one_per_line_without_a_final_newline()
    {
        var json = "{\n  \"title\": \"a\",\n  \"year\": 1\n}\n\n  {\"title\": \"b\", \"year\": 2}\t{\"title\": \"c\", \"year\": 3}";

        var rows = await LoadAsync(json, Options());

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task Jsonpaths_map_by_position_with_nested_members_and_array_indexes()
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", """{"a": {"b": [10, 20, {"c": "deep"}]}, "d": "top", "e": [1, {"f": 2}]}""");
        var paths = dir.Write("paths.json", """{"jsonpaths": ["$['d']", "$['a']['b'][2]['c']", "$['a']['b'][0]", "$['a']['x']", "$['e'][1]", "$['d']['x']"]}""");
        var db = await WithTableAsync("create table t (d varchar(16), c varchar(16), b0 integer, missing integer, e1 varchar(32), below_scalar varchar(8))");

        await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options(CopyFormat.JsonPaths(paths))), Context(), CancellationToken.None);

        Assert.That(await RowsAsync(db, "select * from t"), Is.EqualTo(new[] { new object?[] { "top", "deep", 10, null, """{"f": 2}""", null } }));
    }

    [Test]
    public async Task Jsonpaths_match_keys_exactly_as_written()
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", """{"firstName": "Ann", "firstname": "wrong"}""");
        var paths = dir.Write("paths.json", """{"jsonpaths": ["$['firstName']"]}""");
        var db = await WithTableAsync("create table t (first_name varchar(16))");

        await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options(CopyFormat.JsonPaths(paths))), Context(), CancellationToken.None);

        Assert.That(await ScalarAsync(db, "select first_name from t"), Is.EqualTo("Ann"));
    }

    [Test]
    public async Task Jsonpaths_with_a_count_other_than_the_columns_is_a_clear_error()
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", """{"a": 1}""");
        var paths = dir.Write("paths.json", """{"jsonpaths": ["$['a']"]}""");
        var db = await WithTableAsync("create table t (a integer, b integer)");

        Assert.That(async () => await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options(CopyFormat.JsonPaths(paths))), Context(), CancellationToken.None),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("1 expressions but t has 2 columns"));
    }

    [Test]
    public async Task Unicode_and_escapes_load_unchanged()
    {
        var rows = await LoadAsync("""{"title": "Bj\u00f6rk \"Jóga\"", "note": "tab\there / \/ slash"}""", Options());

        Assert.That(rows[0][0], Is.EqualTo("Björk \"Jóga\""));
        Assert.That(rows[0][2], Is.EqualTo("tab\there / / slash"));
    }
}
