using Sparkify.Pipeline.Loading;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// ACCEPTINVCHARS and the CHAR type's single-byte rule (the bytes of each file are written as given).
static partial class ConformanceCases
{
    const string MultibyteErrors = "Multibyte character load errors";
    const string CharacterTypes = "Character types";

    static byte[] Record(string before, byte[] bad, string after) =>
        [.. ConformanceTests.Utf8("{\"k\": \"" + before), .. bad, .. ConformanceTests.Utf8(after + "\"}\n{\"k\": \"ok\"}\n")];

    static ConformanceCase Bytes(string name, string page, string rule, string ddl, byte[] file, CopyOptions options, string[] rows, params int[] codes) =>
        new(name, page, rule)
        {
            Ddl = ddl,
            RawFiles = new Dictionary<string, byte[]> { ["data/part.json"] = file },
            Options = options with { MaxError = codes.Length },
            Redshift = Pin(options with { MaxError = codes.Length }).Replace(" | maxerror", Accept(options) + " | maxerror"),
            Rows = rows,
            Codes = codes,
        };

    static string Accept(CopyOptions o) => !o.AcceptInvChars ? "" : o.InvCharReplacement == '?' ? " | acceptinvchars" : $" | acceptinvchars as '{o.InvCharReplacement}'";

    static IEnumerable<ConformanceCase> Characters()
    {
        var accept = Plain with { AcceptInvChars = true };
        const string varchar = "create table t (k varchar(16))";
        yield return Bytes("acceptinvchars_replaces_invalid_utf8_with_a_question_mark", Conversion,
            "With ACCEPTINVCHARS a VARCHAR with invalid UTF-8 loads, each invalid character replaced; the default replacement is ?",
            varchar, Record("a", [0xC3, 0x28], "b"), accept, ["a?(b", "ok"]);
        yield return Bytes("acceptinvchars_replaces_with_a_string_of_equal_length", Conversion,
            "COPY replaces each invalid character with a string of equal length: an invalid three-byte character becomes ^^^",
            varchar, Record("x", [0xED, 0xA0, 0x80], "y"), accept with { InvCharReplacement = '^' }, ["x^^^y", "ok"]);
        yield return Bytes("acceptinvchars_keeps_the_byte_length_within_the_column", Conversion,
            "The replacement has the length of what it replaces, so a value that fitted its VARCHAR(n) still fits",
            "create table t (k varchar(4))", Record("ab", [0xFF, 0xFE], ""), accept with { InvCharReplacement = '*' }, ["ab**", "ok"]);
        yield return Bytes("acceptinvchars_replaces_noncharacters", MultibyteErrors,
            "Code points U+FDD0-U+FDEF and those ending in FFFE or FFFF are valid UTF-8 but no characters: ACCEPTINVCHARS replaces them",
            varchar, Record("a", [0xEF, 0xBF, 0xBF, 0xEF, 0xB7, 0x90, 0xF4, 0x8F, 0xBF, 0xBE], "b"), accept, ["a??????????b", "ok"]);
        yield return Bytes("without_acceptinvchars_noncharacters_load_as_they_are", MultibyteErrors,
            "Without ACCEPTINVCHARS, COPY does not return an error for those code points: they are valid UTF-8",
            varchar, Record("a", [0xEF, 0xB7, 0x90], "b"), Plain, ["a\uFDD0b", "ok"]);
        yield return Bytes("without_acceptinvchars_invalid_utf8_is_rejected_with_its_bytes", MultibyteErrors,
            "Without ACCEPTINVCHARS, invalid UTF-8 is an error (1220) whose reason names the bad bytes in hex",
            varchar, Record("a", [0xA4], "b"), Plain, ["ok"], 1220);
        yield return Bytes("acceptinvchars_does_not_apply_to_char_columns", Conversion, "ACCEPTINVCHARS is valid only for VARCHAR columns",
            "create table t (k char(8))", Record("a", [0xC3, 0x28], "b"), accept, ["ok      "], 1220) with
        {
            Silent = "what COPY does with ACCEPTINVCHARS and invalid bytes for a CHAR column is not said; the row is rejected (1220) as without it",
        };
        yield return new ConformanceCase("acceptinvchars_refuses_a_multibyte_replacement", Conversion,
            "The replacement character can be any ASCII character except NULL, so a multibyte character is refused")
        {
            Files = Data("""{"k": "a", "n": 1}"""), Options = accept with { InvCharReplacement = 'é' },
            Fails = "ACCEPTINVCHARS replacement 'é' is not one printable ASCII character", Redshift = "!ACCEPTINVCHARS replacement 'é'",
        };
        yield return new ConformanceCase("acceptinvchars_refuses_nul_as_the_replacement", Conversion, "The replacement character can be any ASCII character except NULL")
        {
            Files = Data("""{"k": "a", "n": 1}"""), Options = accept with { InvCharReplacement = '\0' },
            Fails = "is not one printable ASCII character", Redshift = "!is not one printable ASCII character",
        };
        yield return Bytes("char_takes_single_byte_characters", CharacterTypes, "A CHAR column can only contain single-byte characters; values are padded with blanks",
            "create table t (k char(4))", ConformanceTests.Utf8("{\"k\": \"abc\"}\n{\"k\": \"ok\"}\n"), Plain, ["abc ", "ok  "]);
        yield return Bytes("char_rejects_a_multibyte_character_with_1220", MultibyteErrors,
            "CHAR columns accept single-byte UTF-8 characters only (up to 7F); another character is an error 1220",
            "create table t (k char(10))", ConformanceTests.Utf8("{\"k\": \"caf\u00e9\"}\n{\"k\": \"\u20ac\"}\n{\"k\": \"ok\"}\n"), Plain, ["ok        "], 1220, 1220);
        yield return Bytes("varchar_takes_multibyte_characters_of_up_to_four_bytes", CharacterTypes,
            "A VARCHAR can contain multibyte characters of up to four bytes; VARCHAR(12) holds 3 four-byte characters",
            "create table t (k varchar(12))", ConformanceTests.Utf8("{\"k\": \"\U0001F600\U0001F600\U0001F600\"}\n{\"k\": \"ok\"}\n"), Plain, ["\U0001F600\U0001F600\U0001F600", "ok"]);
    }
}
