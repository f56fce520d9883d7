using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StaticNet.Kernels;

/// <summary>
/// <c>destination[c, r] = source[r, c]</c> for a row-major <c>[rows x columns]</c> source: the Wᵀ that the input-gradient
/// product reads row by row. With AVX, 8 x 8 blocks are transposed in registers (8 loads, 24 shuffles, 8 stores); without,
/// 16 x 16 blocks one element at a time, so that the 16 destination lines a block writes stay in L1. Row by row, each
/// write touched a new line: 6 ns per element for 256 x 128, more than the rest of a batch-1 backward pass.
/// </summary>
internal static class Transpose
{
    /// <summary>Writes Wᵀ; both spans hold at least <c>rows · columns</c> floats (checked).</summary>
    public static void Matrix(ReadOnlySpan<float> source, Span<float> destination, int rows, int columns) =>
        Rows(source, destination, rows, columns, 0, rows);

    /// <summary>
    /// Rows <c>[from, to)</c> of the source into columns <c>[from, to)</c> of Wᵀ (the part of Wᵀ one thread multiplies by;
    /// see <see cref="Gemm.MultiplyByTranspose{TGemm}"/>); both spans hold at least <c>rows · columns</c> floats (checked).
    /// </summary>
    public static void Rows(ReadOnlySpan<float> source, Span<float> destination, int rows, int columns, int from, int to)
    {
        long length = (long)rows * columns;
        if (rows < 0 || columns < 0 || source.Length < length || destination.Length < length || from < 0 || from > to || to > rows)
        {
            throw new ArgumentException($"A [{rows} x {columns}] transpose of rows [{from}, {to}) needs {length} floats on both sides.");
        }

        if (Avx.IsSupported)
        {
            from = Blocks8(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(destination), rows, columns, from, to);
        }

        Scalar(source, destination, from, to, rows, columns);
    }

    // Rows [from, from + 8·⌊(to - from) / 8⌋): whole 8 x 8 blocks in registers, the columns past the last whole block one by one.
    // Returns the first row not done. Column blocks outside, rows inside: the 8 destination rows of a column block are
    // written front to back, and the source lines it reads half of are still in L1 for the next column block. (Rows
    // outside wrote 8 destination lines 1 KiB apart per block, which fall into 4 cache sets: 18 µs for 256 x 128.)
    private static int Blocks8(ref float source, ref float destination, int rows, int columns, int from, int to)
    {
        int wholeRows = from + ((to - from) / 8 * 8);
        int c0 = 0;
        for (; c0 <= columns - 16; c0 += 16)
        {
            // Two blocks side by side: each source line (16 floats) is used whole while it is in L1.
            ref float sourceColumns = ref Unsafe.Add(ref source, c0);
            ref float destinationRows = ref Unsafe.Add(ref destination, (nint)c0 * rows);
            ref float destinationRows8 = ref Unsafe.Add(ref destinationRows, (nint)8 * rows);
            for (int r0 = from; r0 < wholeRows; r0 += 8)
            {
                ref float block = ref Unsafe.Add(ref sourceColumns, (nint)r0 * columns);
                Block8(ref block, columns, ref Unsafe.Add(ref destinationRows, r0), rows);
                Block8(ref Unsafe.Add(ref block, 8), columns, ref Unsafe.Add(ref destinationRows8, r0), rows);
            }
        }

        for (; c0 <= columns - 8; c0 += 8)
        {
            ref float sourceColumns = ref Unsafe.Add(ref source, c0);
            ref float destinationRows = ref Unsafe.Add(ref destination, (nint)c0 * rows);
            for (int r0 = from; r0 < wholeRows; r0 += 8)
            {
                Block8(ref Unsafe.Add(ref sourceColumns, (nint)r0 * columns), columns, ref Unsafe.Add(ref destinationRows, r0), rows);
            }
        }

        for (int r = from; r < wholeRows; r++)
        {
            for (int c = c0; c < columns; c++)
            {
                Unsafe.Add(ref destination, ((nint)c * rows) + r) = Unsafe.Add(ref source, ((nint)r * columns) + c);
            }
        }

        return wholeRows;
    }

    // The 8 x 8 block at source (row stride sourceStride) to destination (row stride destinationStride).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block8(ref float source, int sourceStride, ref float destination, int destinationStride)
    {
        Vector256<float> r0 = Vector256.LoadUnsafe(ref source), r1 = Vector256.LoadUnsafe(ref source, (nuint)sourceStride);
        Vector256<float> r2 = Vector256.LoadUnsafe(ref source, (nuint)(2 * sourceStride)), r3 = Vector256.LoadUnsafe(ref source, (nuint)(3 * sourceStride));
        Vector256<float> r4 = Vector256.LoadUnsafe(ref source, (nuint)(4 * sourceStride)), r5 = Vector256.LoadUnsafe(ref source, (nuint)(5 * sourceStride));
        Vector256<float> r6 = Vector256.LoadUnsafe(ref source, (nuint)(6 * sourceStride)), r7 = Vector256.LoadUnsafe(ref source, (nuint)(7 * sourceStride));

        // Pairs of rows interleaved, then pairs of pairs, then the 128-bit halves exchanged.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref destination, (nuint)destinationStride);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref destination, (nuint)(2 * destinationStride));
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref destination, (nuint)(3 * destinationStride));
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref destination, (nuint)(4 * destinationStride));
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref destination, (nuint)(5 * destinationStride));
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref destination, (nuint)(6 * destinationStride));
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref destination, (nuint)(7 * destinationStride));
    }

    // Rows [from, to) in 16 x 16 blocks, one element at a time.
    private static void Scalar(ReadOnlySpan<float> source, Span<float> destination, int from, int to, int rows, int columns)
    {
        const int Block = 16;
        for (int r0 = from; r0 < to; r0 += Block)
        {
            int r1 = Math.Min(r0 + Block, to);
            for (int c0 = 0; c0 < columns; c0 += Block)
            {
                int c1 = Math.Min(c0 + Block, columns);
                for (int r = r0; r < r1; r++)
                {
                    ReadOnlySpan<float> row = source.Slice((r * columns) + c0, c1 - c0);
                    for (int c = 0; c < row.Length; c++)
                    {
                        destination[((c0 + c) * rows) + r] = row[c];
                    }
                }
            }
        }
    }
}
