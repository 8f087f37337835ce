using System.Text;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Loading.Json;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Tests.Loading;

/// <summary>
/// Issue 29: flat records go through FlatRecordScanner instead of Utf8JsonReader. Every record here is parsed both
/// ways and must give the same outcome (status, bytes consumed, error code, reason, column) and the same COPY bytes:
/// the fast path is only a faster way to the general path's answer, never a second set of rules.
/// </summary>
public class FastPathEquivalenceTests
{
    static readonly TargetColumn[] Columns =
    [
        new("s", ColumnKind.Text, 16), new("c", ColumnKind.Text, 4) { SingleByte = true }, new("n", ColumnKind.Integer),
        new("big", ColumnKind.BigInt), new("small", ColumnKind.SmallInt), new("d", ColumnKind.Double), new("r", ColumnKind.Real),
        new("m", ColumnKind.Numeric, null, 6, 2), new("b", ColumnKind.Boolean), new("ts", ColumnKind.Timestamp), new("day", ColumnKind.Date),
    ];

    static readonly string[] Records =
    [
        """{"s":"plain","n":1,"big":1541105830796,"d":243.68263,"r":1.5,"m":12.345,"b":true,"ts":1541105830796,"day":"2018-11-01"}""",
        """{ "s" : "spaced" , "n" : -0 , "d" : -1.5e3 }""",
        """{"s":"esc \" \\ \/ \b \f \n \r \t","c":"ab"}""",
        """{"s":"uni \u00e9\ud83d\ude00","n":2}""",
        """{"s":"lone \ud800","n":3}""",
        """{"s":"bad \q escape"}""",
        """{"s":"too long for sixteen bytes"}""",
        """{"c":"é"}""",
        """{"n":"42","d":" 2.5 ","small":"-7","b":"yes"}""",
        """{"n":1.0,"big":1.5e3,"small":70000}""",
        """{"n":01}""", """{"n":1.}""", """{"n":-}""", """{"n":1e}""", """{"n":.5}""", """{"n":+1}""", """{"n":1x}""",
        """{"d":1e309,"r":1e39}""", """{"d":1e-400}""", """{"d":0,"r":-0.0}""", """{"d":123456789012345678901234567890}""",
        """{"big":9223372036854775807,"n":2147483648}""", """{"big":9223372036854775808}""", """{"big":-9223372036854775808}""",
        """{"ts":"1541105830796","day":"11/01/2018"}""", """{"ts":true}""", """{"b":1,"n":true}""",
        """{"s":null,"n":null,"unmapped":{"nested":[1,2]},"d":2}""", """{"s":["a",1]}""", """{"other":"x\qy"}""", """{"other":01}""",
        """{"s":"a","s":"b","n":1,"n":2}""", """{}""", """{"s":"a",}""", """{"s":"a" "n":1}""", """{"s":"a"]""", """{"s":"a"}}""",
        """{"s" "a"}""", """{s:"a"}""", """{"s":'a'}""", """{"s":tru}""", """{"s":nulll}""", """{"s":falsey}""", """{"S":"case"}""",
        """{"s":"tab	inside"}""", """{"k\u0073":"escaped key"}""", """{"s":"x"}/*c*/""", """[1,2]""", "\"text\" ", """{"s":"x"} {"s":"y"}""",
        """{"s":""}""", """{"s":"   "}""", """{"n":""}""", """{"s":12.50,"c":true}""", """{"s":"a\u0000b"}""",
    ];

    [TestCaseSource(nameof(Records))]
    public void Flat_fast_path_gives_the_general_readers_outcome_and_bytes(string record)
    {
        foreach (var options in new[] { new CopyOptions(), new CopyOptions { EmptyAsNull = true, BlanksAsNull = true, TruncateColumns = true, AcceptInvChars = true } })
        {
            var bytes = Encoding.UTF8.GetBytes(record);
            var (fast, fastBytes) = Parse(bytes, options, flat: true);
            var (general, generalBytes) = Parse(bytes, options, flat: false);

            Assert.That(Describe(fast), Is.EqualTo(Describe(general)), record);
            Assert.That(fastBytes, Is.EqualTo(generalBytes), record);
        }
    }

    [Test]
    public void Invalid_utf8_in_a_value_is_rejected_the_same_way_on_both_paths()
    {
        byte[] record = [.. "{\"s\":\"bad "u8, 0xC3, 0x28, .. "\",\"other\":\"x"u8, 0xFF, .. "\"}"u8];

        var (fast, _) = Parse(record, new CopyOptions(), flat: true);
        var (general, _) = Parse(record, new CopyOptions(), flat: false);

        Assert.That(Describe(fast), Is.EqualTo(Describe(general)));
        Assert.That(fast.Error?.Code, Is.EqualTo(ErrorCodes.InvalidUtf8));
    }

    [Test]
    public void A_record_cut_by_the_buffer_end_asks_for_more_as_the_general_path_does()
    {
        var cut = Encoding.UTF8.GetBytes("""{"s":"abc","n":12""");

        var (fast, _) = Parse(cut, new CopyOptions(), flat: true, final: false);

        Assert.That(fast.Status, Is.EqualTo(RecordStatus.NeedMore));
    }

    [Test]
    public void A_plain_event_line_takes_the_fast_path()
    {
        // Arrange: the scanner on its own, so that a fast path that always fell back could not pass for equivalent.
        var map = ColumnMap.Auto(Columns, ignoreCase: false);
        var row = new RowBuilder(Columns);
        var scanner = new FlatRecordScanner(map, new ValueConverter(Columns, new CopyOptions()), row);
        var batch = new CopyBatch();

        var outcome = scanner.Parse("""{"s":"pl\/ain","n":1,"big":1541105830796,"d":243.68263,"r":1.5,"b":true,"x":"ab"}"""u8, 0, batch);

        Assert.That(outcome?.Status, Is.EqualTo(RecordStatus.Row));
        Assert.That(outcome?.Error, Is.Null);
        Assert.That(batch.Rows, Is.EqualTo(1));
    }

    static (RecordOutcome Outcome, byte[] Bytes) Parse(byte[] record, CopyOptions options, bool flat, bool final = true)
    {
        var map = ColumnMap.Auto(Columns, ignoreCase: false);
        var parser = new RecordParser(map, new ValueConverter(Columns, options), new RowBuilder(Columns), flat);
        var batch = new CopyBatch();
        var outcome = parser.Parse(record, final, batch);
        return (outcome, batch.Bytes.ToArray());
    }

    static string Describe(RecordOutcome o) => $"{o.Status} {o.Consumed} {o.RecordStart} {o.Column} {o.Error?.Code} {o.Error?.Reason} {o.Error?.RawValue}";
}
