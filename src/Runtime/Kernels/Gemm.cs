using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace StaticNet.Kernels;

/// <summary>
/// The shape of one use of <see cref="Gemm.Multiply{TGemm}"/>: <c>C[m, n] = init[n] + Σ_k A(m, k) · B[k, n]</c> with
/// <c>A(m, k) = a[m · RowStride + k · DepthStride]</c>, B and C row-major with <see cref="Columns"/> columns.
/// Implemented by structs so that the JIT specialises the kernel with every member a constant.
/// </summary>
internal interface IGemm
{
    /// <summary>N, the columns of B and C.</summary>
    static abstract int Columns { get; }

    /// <summary>M when it is a constant, else -1 (the batch size, given at run time).</summary>
    static abstract int Rows { get; }

    /// <summary>K when it is a constant, else -1 (the batch size, given at run time).</summary>
    static abstract int Depth { get; }

    /// <summary>Vectors of columns per register tile: 1, 2 or 3.</summary>
    static abstract int ColumnTile { get; }

    /// <summary>Distance in A between rows m and m + 1.</summary>
    static abstract int RowStride { get; }

    /// <summary>Distance in A between k and k + 1.</summary>
    static abstract int DepthStride { get; }

    /// <summary>Whether C starts from a bias row (else from zero).</summary>
    static abstract bool AddBias { get; }
}

/// <summary>z = x · W + b: [batch x Inputs] x [Inputs x Units] + [Units].</summary>
internal readonly struct ForwardGemm<TLayer> : IGemm where TLayer : struct, IDenseShape
{
    public static int Columns => FrozenShape<TLayer>.Units;
    public static int Rows => -1;
    public static int Depth => FrozenShape<TLayer>.Inputs;
    public static int ColumnTile => FrozenShape<TLayer>.UnitTile;
    public static int RowStride => FrozenShape<TLayer>.Inputs;
    public static int DepthStride => 1;
    public static bool AddBias => true;
}

/// <summary>dW = xᵀ · dz: [Inputs x batch] x [batch x Units], x read transposed in place.</summary>
internal readonly struct WeightGradientGemm<TLayer> : IGemm where TLayer : struct, IDenseShape
{
    public static int Columns => FrozenShape<TLayer>.Units;
    public static int Rows => FrozenShape<TLayer>.Inputs;
    public static int Depth => -1;
    public static int ColumnTile => FrozenShape<TLayer>.UnitTile;
    public static int RowStride => 1;
    public static int DepthStride => FrozenShape<TLayer>.Inputs;
    public static bool AddBias => false;
}

/// <summary>dx = dz · Wᵀ: [batch x Units] x [Units x Inputs], with Wᵀ materialised so that its rows are contiguous.</summary>
internal readonly struct InputGradientGemm<TLayer> : IGemm where TLayer : struct, IDenseShape
{
    public static int Columns => FrozenShape<TLayer>.Inputs;
    public static int Rows => -1;
    public static int Depth => FrozenShape<TLayer>.Units;
    public static int ColumnTile => FrozenShape<TLayer>.InputTile;
    public static int RowStride => FrozenShape<TLayer>.Units;
    public static int DepthStride => 1;
    public static bool AddBias => false;
}

/// <summary>
/// The register-blocked matrix product behind every Dense kernel. A tile of 4 rows by up to 3 vectors of columns
/// accumulates in registers across k (12 accumulators, 3 loads of B and 4 broadcasts of A per 12 fused multiply-adds);
/// the remaining rows take tiles of one row, the remaining columns a scalar tail. Every output element is the same
/// sequence of multiply-adds over k whatever tile computes it (fused where the processor has FMA), so the tiling never
/// changes a result.
/// </summary>
internal static class Gemm
{
    private const int RowTile = 4;

    /// <summary>
    /// C = init + A·B for the shape <typeparamref name="TGemm"/>. The caller has checked every length: this method reads
    /// <c>a</c>, <c>b</c>, <c>bias</c> and writes <c>c</c> without bounds checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<TGemm>(ref float a, ref float b, ref float c, ref float bias, int batchSize)
        where TGemm : struct, IGemm
    {
        int rows = TGemm.Rows >= 0 ? TGemm.Rows : batchSize;
        int depth = TGemm.Depth >= 0 ? TGemm.Depth : batchSize;
        int m = 0;
        for (; m <= rows - RowTile; m += RowTile)
        {
            FourRows<TGemm>(ref a, ref b, ref c, ref bias, m, depth);
        }

        for (; m < rows; m++)
        {
            OneRow<TGemm>(ref a, ref b, ref c, ref bias, m, depth);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Start<TGemm>(ref float bias, int n) where TGemm : struct, IGemm =>
        TGemm.AddBias ? Vector.LoadUnsafe(ref bias, (nuint)n) : Vector<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> A<TGemm>(ref float row, int k) where TGemm : struct, IGemm =>
        new(Unsafe.Add(ref row, (nint)k * TGemm.DepthStride));

    private static void FourRows<TGemm>(ref float a, ref float b, ref float c, ref float bias, int m, int depth)
        where TGemm : struct, IGemm
    {
        int columns = TGemm.Columns;
        int width = Vector<float>.Count;
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        ref float a1 = ref Unsafe.Add(ref a0, TGemm.RowStride);
        ref float a2 = ref Unsafe.Add(ref a1, TGemm.RowStride);
        ref float a3 = ref Unsafe.Add(ref a2, TGemm.RowStride);
        ref float c0 = ref Unsafe.Add(ref c, (nint)m * columns);
        ref float c1 = ref Unsafe.Add(ref c0, columns);
        ref float c2 = ref Unsafe.Add(ref c1, columns);
        ref float c3 = ref Unsafe.Add(ref c2, columns);
        int n = 0;
        if (TGemm.ColumnTile >= 3)
        {
            for (; n <= columns - (3 * width); n += 3 * width)
            {
                Vector<float> s00 = Start<TGemm>(ref bias, n), s01 = Start<TGemm>(ref bias, n + width), s02 = Start<TGemm>(ref bias, n + (2 * width));
                Vector<float> s10 = s00, s11 = s01, s12 = s02, s20 = s00, s21 = s01, s22 = s02, s30 = s00, s31 = s01, s32 = s02;
                ref float bColumns = ref Unsafe.Add(ref b, n);
                for (int k = 0; k < depth; k++)
                {
                    ref float bRow = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                    Vector<float> b0 = Vector.LoadUnsafe(ref bRow), b1 = Vector.LoadUnsafe(ref bRow, (nuint)width), b2 = Vector.LoadUnsafe(ref bRow, (nuint)(2 * width));
                    Vector<float> x = A<TGemm>(ref a0, k);
                    s00 = Vector.MultiplyAddEstimate(x, b0, s00); s01 = Vector.MultiplyAddEstimate(x, b1, s01); s02 = Vector.MultiplyAddEstimate(x, b2, s02);
                    x = A<TGemm>(ref a1, k);
                    s10 = Vector.MultiplyAddEstimate(x, b0, s10); s11 = Vector.MultiplyAddEstimate(x, b1, s11); s12 = Vector.MultiplyAddEstimate(x, b2, s12);
                    x = A<TGemm>(ref a2, k);
                    s20 = Vector.MultiplyAddEstimate(x, b0, s20); s21 = Vector.MultiplyAddEstimate(x, b1, s21); s22 = Vector.MultiplyAddEstimate(x, b2, s22);
                    x = A<TGemm>(ref a3, k);
                    s30 = Vector.MultiplyAddEstimate(x, b0, s30); s31 = Vector.MultiplyAddEstimate(x, b1, s31); s32 = Vector.MultiplyAddEstimate(x, b2, s32);
                }

                Store3(ref c0, n, s00, s01, s02); Store3(ref c1, n, s10, s11, s12); Store3(ref c2, n, s20, s21, s22); Store3(ref c3, n, s30, s31, s32);
            }
        }

        if (TGemm.ColumnTile >= 2)
        {
            for (; n <= columns - (2 * width); n += 2 * width)
            {
                Vector<float> s00 = Start<TGemm>(ref bias, n), s01 = Start<TGemm>(ref bias, n + width);
                Vector<float> s10 = s00, s11 = s01, s20 = s00, s21 = s01, s30 = s00, s31 = s01;
                ref float bColumns = ref Unsafe.Add(ref b, n);
                for (int k = 0; k < depth; k++)
                {
                    ref float bRow = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                    Vector<float> b0 = Vector.LoadUnsafe(ref bRow), b1 = Vector.LoadUnsafe(ref bRow, (nuint)width);
                    Vector<float> x = A<TGemm>(ref a0, k);
                    s00 = Vector.MultiplyAddEstimate(x, b0, s00); s01 = Vector.MultiplyAddEstimate(x, b1, s01);
                    x = A<TGemm>(ref a1, k);
                    s10 = Vector.MultiplyAddEstimate(x, b0, s10); s11 = Vector.MultiplyAddEstimate(x, b1, s11);
                    x = A<TGemm>(ref a2, k);
                    s20 = Vector.MultiplyAddEstimate(x, b0, s20); s21 = Vector.MultiplyAddEstimate(x, b1, s21);
                    x = A<TGemm>(ref a3, k);
                    s30 = Vector.MultiplyAddEstimate(x, b0, s30); s31 = Vector.MultiplyAddEstimate(x, b1, s31);
                }

                Store2(ref c0, n, s00, s01); Store2(ref c1, n, s10, s11); Store2(ref c2, n, s20, s21); Store2(ref c3, n, s30, s31);
            }
        }

        for (; n <= columns - width; n += width)
        {
            Vector<float> s0 = Start<TGemm>(ref bias, n), s1 = s0, s2 = s0, s3 = s0;
            ref float bColumns = ref Unsafe.Add(ref b, n);
            for (int k = 0; k < depth; k++)
            {
                Vector<float> b0 = Vector.LoadUnsafe(ref Unsafe.Add(ref bColumns, (nint)k * columns));
                s0 = Vector.MultiplyAddEstimate(A<TGemm>(ref a0, k), b0, s0);
                s1 = Vector.MultiplyAddEstimate(A<TGemm>(ref a1, k), b0, s1);
                s2 = Vector.MultiplyAddEstimate(A<TGemm>(ref a2, k), b0, s2);
                s3 = Vector.MultiplyAddEstimate(A<TGemm>(ref a3, k), b0, s3);
            }

            Vector.StoreUnsafe(s0, ref c0, (nuint)n); Vector.StoreUnsafe(s1, ref c1, (nuint)n);
            Vector.StoreUnsafe(s2, ref c2, (nuint)n); Vector.StoreUnsafe(s3, ref c3, (nuint)n);
        }

        for (; n < columns; n++)
        {
            float s0 = TGemm.AddBias ? Unsafe.Add(ref bias, n) : 0f, s1 = s0, s2 = s0, s3 = s0;
            for (int k = 0; k < depth; k++)
            {
                float bk = Unsafe.Add(ref b, ((nint)k * columns) + n);
                nint ak = (nint)k * TGemm.DepthStride;
                s0 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a0, ak), bk, s0);
                s1 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a1, ak), bk, s1);
                s2 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a2, ak), bk, s2);
                s3 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a3, ak), bk, s3);
            }

            Unsafe.Add(ref c0, n) = s0; Unsafe.Add(ref c1, n) = s1; Unsafe.Add(ref c2, n) = s2; Unsafe.Add(ref c3, n) = s3;
        }
    }

    private static void OneRow<TGemm>(ref float a, ref float b, ref float c, ref float bias, int m, int depth)
        where TGemm : struct, IGemm
    {
        int columns = TGemm.Columns;
        int width = Vector<float>.Count;
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        ref float c0 = ref Unsafe.Add(ref c, (nint)m * columns);
        int n = 0;
        if (TGemm.ColumnTile >= 3)
        {
            for (; n <= columns - (3 * width); n += 3 * width)
            {
                Vector<float> s0 = Start<TGemm>(ref bias, n), s1 = Start<TGemm>(ref bias, n + width), s2 = Start<TGemm>(ref bias, n + (2 * width));
                ref float bColumns = ref Unsafe.Add(ref b, n);
                for (int k = 0; k < depth; k++)
                {
                    ref float bRow = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                    Vector<float> x = A<TGemm>(ref a0, k);
                    s0 = Vector.MultiplyAddEstimate(x, Vector.LoadUnsafe(ref bRow), s0);
                    s1 = Vector.MultiplyAddEstimate(x, Vector.LoadUnsafe(ref bRow, (nuint)width), s1);
                    s2 = Vector.MultiplyAddEstimate(x, Vector.LoadUnsafe(ref bRow, (nuint)(2 * width)), s2);
                }

                Store3(ref c0, n, s0, s1, s2);
            }
        }

        if (TGemm.ColumnTile >= 2)
        {
            for (; n <= columns - (2 * width); n += 2 * width)
            {
                Vector<float> s0 = Start<TGemm>(ref bias, n), s1 = Start<TGemm>(ref bias, n + width);
                ref float bColumns = ref Unsafe.Add(ref b, n);
                for (int k = 0; k < depth; k++)
                {
                    ref float bRow = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                    Vector<float> x = A<TGemm>(ref a0, k);
                    s0 = Vector.MultiplyAddEstimate(x, Vector.LoadUnsafe(ref bRow), s0);
                    s1 = Vector.MultiplyAddEstimate(x, Vector.LoadUnsafe(ref bRow, (nuint)width), s1);
                }

                Store2(ref c0, n, s0, s1);
            }
        }

        for (; n <= columns - width; n += width)
        {
            Vector<float> s0 = Start<TGemm>(ref bias, n);
            ref float bColumns = ref Unsafe.Add(ref b, n);
            for (int k = 0; k < depth; k++)
            {
                s0 = Vector.MultiplyAddEstimate(A<TGemm>(ref a0, k), Vector.LoadUnsafe(ref Unsafe.Add(ref bColumns, (nint)k * columns)), s0);
            }

            Vector.StoreUnsafe(s0, ref c0, (nuint)n);
        }

        for (; n < columns; n++)
        {
            float s0 = TGemm.AddBias ? Unsafe.Add(ref bias, n) : 0f;
            for (int k = 0; k < depth; k++)
            {
                s0 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a0, (nint)k * TGemm.DepthStride), Unsafe.Add(ref b, ((nint)k * columns) + n), s0);
            }

            Unsafe.Add(ref c0, n) = s0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store3(ref float row, int n, Vector<float> s0, Vector<float> s1, Vector<float> s2)
    {
        Vector.StoreUnsafe(s0, ref row, (nuint)n);
        Vector.StoreUnsafe(s1, ref row, (nuint)(n + Vector<float>.Count));
        Vector.StoreUnsafe(s2, ref row, (nuint)(n + (2 * Vector<float>.Count)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store2(ref float row, int n, Vector<float> s0, Vector<float> s1)
    {
        Vector.StoreUnsafe(s0, ref row, (nuint)n);
        Vector.StoreUnsafe(s1, ref row, (nuint)(n + Vector<float>.Count));
    }
}
