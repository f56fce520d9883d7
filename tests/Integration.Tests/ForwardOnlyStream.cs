using System;
using System.IO;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Bytes that can only be read forward, at most <paramref name="maxRead"/> per call, as a network stream or a pipe
/// gives them: the model-file tests read every file through one as well as through a seekable stream.
/// </summary>
internal sealed class ForwardOnlyStream(byte[] bytes, int maxRead = 7) : Stream
{
    private readonly MemoryStream _inner = new(bytes);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, maxRead));
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
