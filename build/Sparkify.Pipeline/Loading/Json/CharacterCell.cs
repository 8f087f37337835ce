using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// Text into a character column, as COPY does it: EMPTYASNULL and BLANKSASNULL; invalid UTF-8 rejected (1220) or,
/// with ACCEPTINVCHARS, each bad byte replaced by the replacement character (a string of equal length, so lengths do
/// not change), noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) too ("Multibyte character load errors"); a CHAR(n)
/// takes single-byte characters only (1220; ACCEPTINVCHARS applies to VARCHAR only); lengths in UTF-8 bytes, too
/// long rejected (1204) or cut with TRUNCATECOLUMNS. Valid text goes through untouched and uncopied. One per parser
/// thread (its buffer).
/// </summary>
public sealed class CharacterCell(IReadOnlyList<TargetColumn> targets, CopyOptions options)
{
    // An array, not the interface: a column is looked up for every value.
    readonly TargetColumn[] columns = [.. targets];
    byte[] _replaced = new byte[256];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValueError? Set(ReadOnlySpan<byte> utf8, int column, RowBuilder row)
    {
        if ((options.EmptyAsNull && utf8.IsEmpty) || (options.BlanksAsNull && !utf8.IsEmpty && IsBlank(utf8)))
        {
            row.SetNull(column);
            return null;
        }
        var target = columns[column];
        var valid = Utf8.IsValid(utf8);
        if (options.AcceptInvChars && !target.SingleByte && (!valid || MayHoldNoncharacter(utf8)))
        {
            utf8 = Replace(utf8);
            valid = true;
        }
        if (!valid || utf8.Contains((byte)0))
            return new ValueError(ErrorCodes.InvalidUtf8, "String contains invalid or unsupported UTF-8 codepoints (or a NUL character)" + BadSequence(utf8),
                RawText.Escape(utf8));
        if (target.SingleByte && utf8.IndexOfAnyInRange((byte)0x80, (byte)0xFF) is var at and >= 0)
            return new ValueError(ErrorCodes.InvalidUtf8,
                $"Multibyte character not supported for CHAR (Hint: Try using VARCHAR). Invalid char: {Hex(utf8[at..(at + Utf8Length(utf8[at]))])}",
                Encoding.UTF8.GetString(utf8));
        if (target.MaxLength is { } max && utf8.Length > max)
        {
            if (!options.TruncateColumns)
                return new ValueError(ErrorCodes.OutOfRange, $"String length exceeds DDL length ({utf8.Length} bytes > {max})", Encoding.UTF8.GetString(utf8));
            utf8 = utf8[..CharacterStartAtOrBefore(utf8, max)];
        }
        row.SetText(column, utf8);
        return null;
    }

    /// Each invalid byte sequence and each noncharacter becomes as many replacement characters as it has bytes.
    ReadOnlySpan<byte> Replace(ReadOnlySpan<byte> utf8)
    {
        if (_replaced.Length < utf8.Length) _replaced = new byte[Math.Max(utf8.Length, 2 * _replaced.Length)];
        var output = _replaced.AsSpan(0, utf8.Length);
        utf8.CopyTo(output);
        for (var at = 0; at < utf8.Length;)
        {
            var status = Rune.DecodeFromUtf8(utf8[at..], out var rune, out var used);
            used = Math.Max(used, 1);
            if (status != OperationStatus.Done || IsNoncharacter(rune.Value)) output.Slice(at, used).Fill((byte)options.InvCharReplacement);
            at += used;
        }
        return output;
    }

    /// Noncharacters are encoded with a lead byte of EF (U+FDD0..U+FFFF) or F0..F4: text without those cannot hold one.
    static bool MayHoldNoncharacter(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyInRange((byte)0xEF, (byte)0xF4) >= 0;

    static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// The guide's reason names the bad bytes in hex ("Bad UTF-8 hex sequence: a4").
    static string BadSequence(ReadOnlySpan<byte> utf8)
    {
        for (var at = 0; at < utf8.Length;)
        {
            var status = Rune.DecodeFromUtf8(utf8[at..], out _, out var used);
            if (status != OperationStatus.Done) return ". Bad UTF-8 hex sequence: " + Hex(utf8.Slice(at, Math.Max(used, 1)));
            at += used;
        }
        return "";
    }

    static int Utf8Length(byte lead) => lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;

    static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// BLANKSASNULL: only white space (as .NET defines it). The first byte that is not ASCII white space decides at
    /// once when it is ASCII; only text with other characters is decoded.
    static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        var first = utf8.IndexOfAnyExcept(" \t\r\n\v\f"u8);
        return first < 0 || (utf8[first] >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(utf8)));
    }

    /// TRUNCATECOLUMNS keeps at most `bytes` bytes and never cuts inside a character: back up over continuation bytes.
    static int CharacterStartAtOrBefore(ReadOnlySpan<byte> utf8, int bytes)
    {
        var cut = bytes;
        while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) cut--;
        return cut;
    }
}
