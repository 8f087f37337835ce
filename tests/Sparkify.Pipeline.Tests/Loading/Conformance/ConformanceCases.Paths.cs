namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// JSONPaths files and expressions: notations, nesting, arrays, and the errors the guide names.
static partial class ConformanceCases
{
    const string PathsPin = "format as json 's3://sparkify-conformance/paths.json' | timeformat as 'auto' | maxerror as 0";

    static ConformanceCase PathCase(string name, string page, string rule, string json, string paths) => new(name, page, rule)
    {
        Files = WithPaths(json, paths),
        Format = "paths.json",
        Redshift = PathsPin,
    };

    static IEnumerable<ConformanceCase> Paths()
    {
        yield return PathCase("jsonpaths_bracket_notation_maps_by_position", JsonExamples,
            "The JSONPaths expressions map to the columns by position; key order in the data does not matter",
            """{"two": 2, "one": "first"}{"one": "again", "two": 3}""", """{"jsonpaths": ["$['one']", "$['two']"]}""") with { Rows = ["first|2", "again|3"] };
        yield return PathCase("jsonpaths_dot_notation_maps_the_same", PathExpressions, "Dot notation ($.name) addresses the same members as bracket notation",
            """{"two": 2, "one": "first"}""", """{"jsonpaths": ["$.one", "$.two"]}""") with { Rows = ["first|2"] };
        yield return PathCase("jsonpaths_bracket_notation_with_double_quotes", PathExpressions,
            "Bracket notation names the member in quotes",
            """{"a b": "spaced", "n": 1}""", """{"jsonpaths": ["$[\"a b\"]", "$[\"n\"]"]}""") with
        {
            Silent = "the guide's examples use single quotes only; double quotes inside brackets are accepted as the same notation",
            Rows = ["spaced|1"],
        };
        yield return PathCase("jsonpaths_reach_nested_members", PathsFile, "A JSONPaths file can map elements at deeper levels of the hierarchy",
            """{"store": {"book": {"title": "Dune"}}, "id": 4}""", """{"jsonpaths": ["$['store']['book']['title']", "$['id']"]}""") with { Rows = ["Dune|4"] };
        yield return PathCase("jsonpaths_index_reads_an_array_element", JsonFormat, "$['location'][0] is the first element of an array: indexes start at zero",
            """{"location": ["Paris", "Lyon"], "n": [5, 6]}""", """{"jsonpaths": ["$['location'][1]", "$['n'][0]"]}""") with { Rows = ["Lyon|5"] };
        yield return PathCase("jsonpaths_dot_notation_indexes_with_brackets", JsonFormat, "Brackets reference array elements in dot notation too",
            """{"location": ["Paris", "Lyon"], "x": {"n": [7]}}""", """{"jsonpaths": ["$.location[0]", "$.x.n[0]"]}""") with { Rows = ["Paris|7"] };
        yield return PathCase("jsonpaths_object_or_array_value_loads_as_text", JsonFormat,
            "When the referenced value is an object or an array, the whole of it is loaded as a string",
            """{"tags": ["nisi", "culpa"], "friends": [{"id": 0}, {"id": 1, "name": "Renaldo"}]}""",
            """{"jsonpaths": ["$['tags']", "$['friends'][1]"]}""") with
        {
            Ddl = "create table t (tags varchar(64), friend varchar(64))",
            Rows = ["""["nisi", "culpa"]|{"id": 1, "name": "Renaldo"}"""],
        };
        yield return PathCase("jsonpaths_missing_member_loads_null", PathExpressions,
            "An object element the expression references that is not in the data loads NULL",
            """{"one": "x"}""", """{"jsonpaths": ["$['one']", "$['nothere']['deeper']"]}""") with { Rows = ["x|NULL"] };
        yield return PathCase("jsonpaths_member_below_a_scalar_loads_null", PathExpressions,
            "An object element that is not found loads NULL, also when the path runs below a scalar",
            """{"one": "x", "two": 5}""", """{"jsonpaths": ["$['one']", "$['two']['below']"]}""") with
        {
            Silent = "the guide does not single out a path below a scalar; it is taken as a member not found (NULL)",
            Rows = ["x|NULL"],
        };
        yield return PathCase("jsonpaths_index_past_the_end_fails_the_copy", PathExpressions,
            "An array element the expression references that is not found fails COPY: 'Not an array or index out of range'",
            """{"one": "x", "n": [1, 2]}""", """{"jsonpaths": ["$['one']", "$['n'][2]"]}""") with
        {
            Fails = "Not an array or index out of range",
            Codes = [1216],
        };
        yield return PathCase("jsonpaths_index_past_the_end_fails_whatever_maxerror", PathExpressions,
            "That failure is COPY's, not a rejected row, so MAXERROR does not absorb it",
            "{\"one\": \"x\", \"n\": [1]}\n{\"one\": \"y\", \"n\": []}", """{"jsonpaths": ["$['one']", "$['n'][0]"]}""") with
        {
            Silent = "the guide says 'COPY fails' without relating it to MAXERROR; the choice is that MAXERROR does not apply",
            Options = new() { TimeFormat = Sparkify.Pipeline.Loading.TimeFormat.Auto, MaxError = 10, Parallelism = 2 },
            Fails = "whatever MAXERROR says",
            Codes = [1216],
            Redshift = "format as json 's3://sparkify-conformance/paths.json' | timeformat as 'auto' | maxerror as 10",
        };
        yield return PathCase("jsonpaths_index_into_a_scalar_fails_the_copy", PathExpressions,
            "An index into a value that is not an array finds no element: 'Not an array or index out of range'",
            """{"one": "x", "n": 4}""", """{"jsonpaths": ["$['one']", "$['n'][0]"]}""") with { Fails = "Not an array", Codes = [1216] };
        yield return PathCase("jsonpaths_index_into_null_loads_null", PathExpressions,
            "An index needs an array to look into",
            """{"one": "x", "n": null}""", """{"jsonpaths": ["$['one']", "$['n'][0]"]}""") with
        {
            Silent = "the guide does not say what an index into JSON null does; the choice is NULL, like a member not found",
            Rows = ["x|NULL"],
        };
        yield return PathCase("array_records_map_by_index", JsonExamples,
            "Records that are arrays load through a JSONPaths file of $[0], $[1]... expressions",
            "[1, \"Sports\", \"MLB\"]\n[2, \"Sports\", \"NHL\"]", """{"jsonpaths": ["$[0]", "$[1]", "$[2]"]}""") with
        {
            Ddl = "create table t (catid smallint, catgroup varchar(10), catname varchar(10))",
            Rows = ["1|Sports|MLB", "2|Sports|NHL"],
        };
        yield return PathCase("array_records_reach_nested_values", JsonExamples, "An array record's elements may be objects and arrays that paths go into",
            """[{"name": "a"}, [10, 20]]""", """{"jsonpaths": ["$[0]['name']", "$[1][1]"]}""") with { Rows = ["a|20"] };
        yield return PathCase("array_record_too_short_fails_the_copy", PathExpressions,
            "An element index past the end of the record fails COPY",
            "[\"a\", 1]\n[\"b\"]", """{"jsonpaths": ["$[0]", "$[1]"]}""") with { Fails = "Not an array or index out of range", Codes = [1216] };
        yield return PathCase("object_record_with_index_paths_fails_the_copy", PathExpressions,
            "$[0] on a record that is an object finds no array element",
            """{"k": "a", "n": 1}""", """{"jsonpaths": ["$[0]", "$[1]"]}""") with { Fails = "Not an array", Codes = [1216] };
        yield return PathCase("jsonpaths_mixing_notations_across_expressions_fails", PathsFile,
            "Bracket and dot notation cannot be mixed in the jsonpaths array",
            """{"one": "x", "two": 1}""", """{"jsonpaths": ["$['one']", "$.two"]}""") with { Fails = "mixes bracket and dot notation" };
        yield return PathCase("jsonpaths_mixing_notations_in_one_expression_fails", PathExpressions,
            "The expressions use either bracket or dot notation, never both",
            """{"a": {"b": "x"}, "n": 1}""", """{"jsonpaths": ["$['a'].b", "$['n']"]}""") with { Fails = "mixes bracket and dot notation" };
        yield return PathCase("jsonpaths_dot_name_with_a_quote_fails", PathsFile,
            "In dot notation a name cannot hold a single quote, a dot or brackets",
            """{"it's": "x", "n": 1}""", """{"jsonpaths": ["$.it's", "$.n"]}""") with { Fails = "dot-notation name" };
        yield return PathCase("jsonpaths_wildcard_fails", PathExpressions,
            "Wildcards and filter expressions, which may match several elements, are not supported",
            """{"a": [1, 2], "n": 1}""", """{"jsonpaths": ["$['a'][*]", "$['n']"]}""") with { Fails = "invalid array index" };
        yield return PathCase("jsonpaths_file_without_the_jsonpaths_name_means_auto", PathsFile,
            "If the name is any string other than \"jsonpaths\", COPY ignores the file and uses 'auto', without an error",
            """{"k": "by auto", "n": 1, "one": "ignored"}""", """{"paths": ["$['one']", "$['n']"]}""") with { Rows = ["by auto|1"] };
        yield return PathCase("jsonpaths_file_that_is_an_array_fails", PathsFile, "The JSONPaths file must hold a single JSON object, not an array",
            """{"k": "a"}""", """["$['k']", "$['n']"]""") with { Fails = "single JSON object" };
        yield return PathCase("jsonpaths_file_with_two_objects_fails", PathsFile, "More than one JSON object in the JSONPaths file fails COPY",
            """{"k": "a"}""", """{"jsonpaths": ["$['k']", "$['n']"]} {"jsonpaths": []}""") with { Fails = "not one well-formed JSON object" };
        yield return PathCase("jsonpaths_file_with_a_non_string_element_fails", PathsFile, "An element of the array that is not a string fails COPY",
            """{"k": "a"}""", """{"jsonpaths": ["$['k']", 7]}""") with { Fails = "empty or not a string" };
        yield return PathCase("jsonpaths_file_with_an_empty_element_fails", PathsFile, "An element of the array that is an empty string fails COPY",
            """{"k": "a"}""", """{"jsonpaths": ["$['k']", ""]}""") with { Fails = "empty or not a string" };
        yield return PathCase("jsonpaths_file_malformed_fails_whatever_maxerror", PathsFile, "Malformed JSON in the JSONPaths file fails COPY; MAXERROR does not apply to it",
            """{"k": "a"}""", """{"jsonpaths": ["$['k']", """) with
        {
            Options = new() { TimeFormat = Sparkify.Pipeline.Loading.TimeFormat.Auto, MaxError = 10, Parallelism = 2 },
            Fails = "not one well-formed JSON object",
            Redshift = "format as json 's3://sparkify-conformance/paths.json' | timeformat as 'auto' | maxerror as 10",
        };
        yield return PathCase("jsonpaths_count_must_match_the_columns", PathsFile, "Each expression corresponds to one column of the target table, in order",
            """{"k": "a"}""", """{"jsonpaths": ["$['k']"]}""") with
        {
            Silent = "the guide does not quote the error for a count mismatch; the loader fails before reading any data",
            Fails = "1 expressions but t has 2 columns",
        };
        yield return PathCase("jsonpaths_keys_match_exactly", PathExpressions, "An expression names the explicit path to a single name element",
            """{"firstName": "Ann", "firstname": "wrong", "n": 1}""", """{"jsonpaths": ["$['firstName']", "$['n']"]}""") with
        {
            Silent = "the guide does not say whether JSONPaths names match case-sensitively; they match exactly, as JSONPath does",
            Rows = ["Ann|1"],
        };
        yield return new("jsonpaths_file_under_the_data_prefix_is_read_as_data", PathsFile,
            "A JSONPaths file under the same prefix as the data files is read as a data file too")
        {
            Files = new Dictionary<string, string> { ["data/part.json"] = """{"k": "a", "n": 1}""", ["data/paths.json"] = """{"jsonpaths": ["$['k']", "$['n']"]}""" },
            Format = "data/paths.json",
            Rows = ["a|1", "NULL|NULL"],
            Redshift = "format as json 's3://sparkify-conformance/data/paths.json' | timeformat as 'auto' | maxerror as 0",
        };
        yield return new("jsonpaths_file_under_the_data_prefix_errors_for_array_paths", PathsFile,
            "Read as data, the JSONPaths file is an object where the $[n] paths expect an array, so COPY errors")
        {
            Files = new Dictionary<string, string> { ["data/part.json"] = "[\"a\", 1]", ["data/paths.json"] = """{"jsonpaths": ["$[0]", "$[1]"]}""" },
            Format = "data/paths.json",
            Fails = "Not an array",
            Codes = [1216],
            Redshift = "format as json 's3://sparkify-conformance/data/paths.json' | timeformat as 'auto' | maxerror as 0",
        };
    }
}
