using System;
using System.Runtime.InteropServices;

namespace StaticNet.Kernels;

/// <summary>
/// A flat <see cref="float"/> buffer whose element 0 sits on a 64-byte boundary: one cache line, one
/// <c>Vector512&lt;float&gt;</c>. A network keeps its parameters, gradients and optimizer state in these, with every
/// tensor at an offset that is a multiple of <see cref="FloatsPerLine"/>, so no tensor's first vector straddles two lines.
/// </summary>
/// <remarks>
/// The array lives on the pinned object heap, which never moves an object, so the alignment found at construction
/// holds for the buffer's life. Elements are zero-initialised.
/// </remarks>
public sealed class AlignedBuffer
{
    /// <summary>The alignment of element 0, in bytes.</summary>
    public const int Alignment = 64;

    /// <summary>Floats per 64-byte line: tensor offsets in a parameter buffer are multiples of this.</summary>
    public const int FloatsPerLine = Alignment / sizeof(float);

    private readonly float[] _array;
    private readonly int _start;

    /// <summary>Allocates a zeroed buffer of <paramref name="length"/> floats.</summary>
    /// <param name="length">Number of floats, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or too large for an array.</exception>
    public AlignedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Array.MaxLength - FloatsPerLine);
        _array = GC.AllocateArray<float>(length + FloatsPerLine - 1, pinned: true);
        GCHandle handle = GCHandle.Alloc(_array, GCHandleType.Pinned);
        nint address = handle.AddrOfPinnedObject();
        handle.Free(); // the pinned object heap keeps the address; the handle was only needed to read it
        _start = (int)((Alignment - (address % Alignment)) % Alignment) / sizeof(float);
        Length = length;
    }

    /// <summary>Number of floats.</summary>
    public int Length { get; }

    /// <summary>The whole buffer.</summary>
    public Span<float> Span => new(_array, _start, Length);

    /// <summary>Elements <c>[offset, offset + length)</c>.</summary>
    /// <param name="offset">First element, from 0.</param>
    /// <param name="length">Number of elements.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie within the buffer.</exception>
    public Span<float> AsSpan(int offset, int length) => Span.Slice(offset, length);

    /// <summary>
    /// Buffer <paramref name="index"/> of up to three (an optimizer's state buffers, for
    /// <see cref="ITrainingState.OptimizerState(int)"/>), those not given being absent.
    /// </summary>
    /// <param name="index">From 0 to the number of buffers given, exclusive.</param>
    /// <param name="owner">The network's name, for the exception.</param>
    /// <param name="first">Buffer 0, if any.</param>
    /// <param name="second">Buffer 1, if any.</param>
    /// <param name="third">Buffer 2, if any.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no buffer <paramref name="index"/>.</exception>
    public static Span<float> Select(int index, string owner, AlignedBuffer? first = null, AlignedBuffer? second = null, AlignedBuffer? third = null)
    {
        AlignedBuffer? chosen = index switch { 0 => first, 1 => second, 2 => third, _ => null };
        if (chosen is null)
        {
            int count = third is not null ? 3 : second is not null ? 2 : first is not null ? 1 : 0;
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{owner}'s optimizer keeps {count} state buffer(s); index {index} is not one of them.");
        }

        return chosen.Span;
    }

    /// <summary>The whole buffer, as <see cref="Span"/>.</summary>
    /// <param name="buffer">The buffer.</param>
    public static implicit operator Span<float>(AlignedBuffer buffer) => buffer.Span;
}
