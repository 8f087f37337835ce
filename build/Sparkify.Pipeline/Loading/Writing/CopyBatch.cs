namespace Sparkify.Pipeline.Loading.Writing;

/// <summary>
/// A block of rows handed from a parser thread to the table's writer, already encoded as binary COPY tuples. It is
/// full at 64 KB (about 150 log rows), so a handful of pooled batches bound the loader's memory. Its array stays
/// under the large object heap's 85,000 bytes: the GC frees such arrays only in full collections, and 256 KB batches
/// (new ones per table) held about 15 MB of dead LOH at scale 300 (issue 29).
/// </summary>
public sealed class CopyBatch
{
    const int Target = 64 << 10;

    byte[] _data = new byte[Target + (16 << 10)];

    public int Rows { get; private set; }
    public int Length { get; private set; }
    public bool IsFull => Length >= Target;
    public ReadOnlyMemory<byte> Bytes => _data.AsMemory(0, Length);

    /// Room for one tuple of at most `size` bytes; a tuple larger than the batch grows it.
    public Span<byte> Reserve(int size)
    {
        if (Length + size > _data.Length) Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + size));
        return _data.AsSpan(Length);
    }

    /// Keeps the `length` bytes written into the last reservation as one row.
    public void Commit(int length)
    {
        Length += length;
        Rows++;
    }

    public void Clear() => (Rows, Length) = (0, 0);
}
