using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace StaticNet;

/// <summary>
/// Decompresses a gzip stream with the checks <see cref="GZipStream"/> leaves out, so that a hostile file can neither
/// hang a reader nor pass for a whole one:
/// <list type="bullet">
/// <item>Compressed input may not outrun the output: real deflate data never takes more than a few bytes per 64 KiB
/// over its decompressed size, while an endless run of empty blocks decompresses to nothing, forever.</item>
/// <item>At the end, the member's trailer must be there and its length (ISIZE) match the bytes produced: a file cut
/// inside its 8-byte trailer otherwise reads as whole.</item>
/// <item>Nothing may follow the gzip data.</item>
/// </list>
/// Violations throw <see cref="InvalidDataException"/>; a single gzip member is expected, as MNIST's files are.
/// </summary>
internal sealed class GzipGuard : ReadOnlyForwardStream
{
    // Compressed bytes allowed beyond the decompressed ones: headers, trailers, stored blocks' 5-byte overhead.
    private const long Slack = 1 << 16;

    private readonly Counting _source;
    private readonly GZipStream _gzip;
    private long _produced;
    private bool _ended;

    public GzipGuard(Stream source)
    {
        _source = new Counting(source, this);
        _gzip = new GZipStream(_source, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        int read = _gzip.Read(buffer);
        _produced += read;
        if (read == 0)
        {
            _ended = true;
            CheckEnd();
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    // The trailer's ISIZE is the decompressed length mod 2^32; the source must end right after it. GZipStream may
    // have read past the trailer into its buffer, so the source's last bytes are compared, and any byte after the
    // data is refused.
    private void CheckEnd()
    {
        if (_source.ReadByteAfterEnd())
        {
            throw new InvalidDataException("bytes follow the end of the gzip data.");
        }

        if (_source.Total < 8 || BinaryPrimitives.ReadUInt32LittleEndian(_source.LastFour) != (uint)_produced)
        {
            throw new InvalidDataException("the gzip data ends without its trailer (the file is cut short), or its length field does not match the data.");
        }
    }

    // The compressed side: counts the bytes GZipStream takes, keeps the last four, and stops an input that outruns the output.
    private sealed class Counting(Stream inner, GzipGuard guard) : ReadOnlyForwardStream
    {
        private readonly byte[] _lastFour = new byte[4];

        public long Total { get; private set; }

        public ReadOnlySpan<byte> LastFour => _lastFour;

        public override int Read(Span<byte> buffer)
        {
            if (Total > guard._produced + (guard._produced / 64) + Slack)
            {
                throw new InvalidDataException($"{Total} bytes of gzip data have decompressed to only {guard._produced}: it is not deflate data a file would hold.");
            }

            int read = inner.Read(buffer);
            Remember(buffer[..read]);
            Total += read;
            return read;
        }

        // Whether a byte follows the gzip data in the source (read and dropped: any is an error).
        public bool ReadByteAfterEnd()
        {
            Span<byte> one = stackalloc byte[1];
            return inner.Read(one) == 1;
        }

        private void Remember(ReadOnlySpan<byte> read)
        {
            if (read.Length >= 4)
            {
                read[^4..].CopyTo(_lastFour);
                return;
            }

            // Shift in fewer than four new bytes.
            int keep = 4 - read.Length;
            _lastFour.AsSpan(read.Length, keep).CopyTo(_lastFour);
            read.CopyTo(_lastFour.AsSpan(keep));
        }
    }
}
