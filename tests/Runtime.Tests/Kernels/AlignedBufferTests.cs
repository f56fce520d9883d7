using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StaticNet.Kernels;
using Xunit;

namespace StaticNet.Tests.Kernels;

public class AlignedBufferTests
{
    /// <summary>The address of a span's first element (0 for an empty span is never asked for).</summary>
    internal static nint Address(Span<float> span) => Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref MemoryMarshal.GetReference(span));

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(235_152)]
    public void ElementZero_IsOn64Bytes_AndTheBufferIsZeroedWithTheLengthAsked(int length)
    {
        // Allocate several: the pinned heap hands out addresses at various offsets from a line.
        for (int i = 0; i < 8; i++)
        {
            var buffer = new AlignedBuffer(length);
            Assert.Equal(0, Address(buffer.Span) % AlignedBuffer.Alignment);
            Assert.Equal(length, buffer.Length);
            Assert.Equal(length, buffer.Span.Length);
            Assert.True(buffer.Span.IndexOfAnyExcept(0f) < 0);
        }
    }

    [Fact]
    public void Slices_AtMultiplesOf16_StayAligned_AndWritesLandInTheBuffer()
    {
        var buffer = new AlignedBuffer(100);
        Span<float> slice = buffer.AsSpan(48, 20);
        Assert.Equal(0, Address(slice) % 64);
        slice.Fill(2f);
        Assert.Equal(40f, SumOf(buffer.Span));
        Span<float> whole = buffer; // the implicit conversion is the whole buffer
        Assert.Equal(100, whole.Length);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 101)]
    [InlineData(90, 11)]
    [InlineData(5, -1)]
    public void SlicesOutsideTheBuffer_Throw(int offset, int length)
    {
        var buffer = new AlignedBuffer(100);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.AsSpan(offset, length));
    }

    [Fact]
    public void NegativeLength_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedBuffer(-1));
        Assert.Equal("length", exception.ParamName);
    }

    private static float SumOf(Span<float> values)
    {
        float sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }

        return sum;
    }
}
