using System;
using System.IO;

namespace StaticNet;

/// <summary>
/// A read-only, forward-only view that yields bytes already read from a stream (a peeked header) and then the rest of
/// that stream: so a stream can be peeked at without seeking, and without buffering it.
/// </summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> replayed, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _replayed = replayed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_replayed.IsEmpty)
        {
            return rest.Read(buffer);
        }

        int count = Math.Min(buffer.Length, _replayed.Length);
        _replayed.Span[..count].CopyTo(buffer);
        _replayed = _replayed[count..];
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
