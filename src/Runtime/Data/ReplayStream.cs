using System;
using System.IO;

namespace StaticNet;

/// <summary>
/// A read-only, forward-only view that yields bytes already read from a stream (a peeked header) and then the rest of
/// that stream: so a stream can be peeked at without seeking, and without buffering it.
/// </summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> replayed, Stream rest) : ReadOnlyForwardStream
{
    private ReadOnlyMemory<byte> _replayed = replayed;

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
}
