using System.IO.Compression;
using System.Security.Cryptography;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// A GZIP object, decompressed, that fails at its end unless its last member was complete. .NET's GZipStream checks
/// each member's trailer (CRC32 and ISIZE) when it is there, but says nothing when the object simply stops: a
/// truncated object would load part of its rows. So a small gzip member holding a random token is appended after the
/// object's last byte: a complete object is followed by a complete member and the output ends with the token; a cut
/// one makes the decompressor read the token's member as the rest of the cut data, which fails or loses the token.
/// The last 128 KB of output is held back until that check, so no byte decoded from a cut object reaches the parser.
/// </summary>
public sealed class GzipObjectStream : ReadOnlyStream
{
    const int HoldBack = 128 << 10;
    static readonly byte[] Token = RandomNumberGenerator.GetBytes(16);
    static readonly byte[] Sentinel = Compress(Token);

    readonly SentinelSource _source;
    readonly GZipStream _gzip;
    // Room for 1 MB beyond the held-back tail, so moving the tail to the front is rare next to the bytes decoded.
    readonly byte[] _pending = new byte[HoldBack + (1 << 20)];
    int _start, _end;
    bool _done;

    public GzipObjectStream(Stream raw)
    {
        _source = new SentinelSource(raw, Sentinel);
        _gzip = new GZipStream(_source, CompressionMode.Decompress);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        while (true)
        {
            var ready = _end - _start - (_done ? 0 : HoldBack);
            if (ready > 0)
            {
                var n = Math.Min(ready, buffer.Length);
                _pending.AsMemory(_start, n).CopyTo(buffer);
                _start += n;
                return n;
            }
            if (_done) return 0;
            if (_pending.Length - _end < 64 << 10)
            {
                _pending.AsSpan(_start, _end - _start).CopyTo(_pending);
                (_end, _start) = (_end - _start, 0);
            }
            int read;
            try
            {
                read = await _gzip.ReadAsync(_pending.AsMemory(_end), ct);
            }
            catch (InvalidDataException) when (_source.RawDone)
            {
                throw Truncated();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"is not valid gzip data (corrupt, or not gzip-compressed): {e.Message}");
            }
            if (read > 0)
            {
                _end += read;
                continue;
            }
            if (_source.RawBytes == 0) throw new InvalidDataException("is empty, which is not a gzip stream");
            if (_end - _start < Token.Length || !_pending.AsSpan(_end - Token.Length, Token.Length).SequenceEqual(Token)) throw Truncated();
            _end -= Token.Length;
            _done = true;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    static InvalidDataException Truncated() =>
        new("is truncated or corrupt at its end: its last gzip member has no valid CRC32/length trailer (or bytes follow the gzip data)");

    static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.NoCompression, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _gzip.DisposeAsync();
        await base.DisposeAsync();
    }

    /// The object's bytes, then the sentinel member's.
    sealed class SentinelSource(Stream raw, byte[] sentinel) : ReadOnlyStream
    {
        int _sentinelAt;

        public bool RawDone { get; private set; }
        public long RawBytes { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (!RawDone)
            {
                var n = await raw.ReadAsync(buffer, ct);
                if (n > 0)
                {
                    RawBytes += n;
                    return n;
                }
                RawDone = true;
            }
            var left = Math.Min(sentinel.Length - _sentinelAt, buffer.Length);
            sentinel.AsMemory(_sentinelAt, left).CopyTo(buffer);
            _sentinelAt += left;
            return left;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        protected override void Dispose(bool disposing)
        {
            if (disposing) raw.Dispose();
            base.Dispose(disposing);
        }
    }
}
