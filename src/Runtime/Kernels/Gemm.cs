using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    /// <summary>Distance in A between rows m and m + 1.</summary>
    static abstract int RowStride { get; }

    /// <summary>Distance in A between k and k + 1.</summary>
    static abstract int DepthStride { get; }

    /// <summary>Whether C starts from a bias row (else from zero).</summary>
    static abstract bool AddBias { get; }

    /// <summary>Whether each finished element of C is stored as <c>max(0, ·)</c> (a ReLU layer's forward pass).</summary>
    static abstract bool ReLU { get; }
}

/// <summary>z = x · W + b: [batch x Inputs] x [Inputs x Units] + [Units].</summary>
internal readonly struct ForwardGemm<TLayer> : IGemm where TLayer : struct, IDenseShape
{
    public static int Columns => FrozenShape<TLayer>.Units;
    public static int Rows => -1;
    public static int Depth => FrozenShape<TLayer>.Inputs;
    public static int RowStride => FrozenShape<TLayer>.Inputs;
    public static int DepthStride => 1;
    public static bool AddBias => true;
    public static bool ReLU => false;
}

/// <summary>a = max(0, x · W + b): the forward product with ReLU applied as each element is stored.</summary>
internal readonly struct ForwardReLUGemm<TLayer> : IGemm where TLayer : struct, IDenseShape
{
    public static int Columns => FrozenShape<TLayer>.Units;
    public static int Rows => -1;
    public static int Depth => FrozenShape<TLayer>.Inputs;
    public static int RowStride => FrozenShape<TLayer>.Inputs;
    public static int DepthStride => 1;
    public static bool AddBias => true;
    public static bool ReLU => true;
}

/// <summary>dW = xᵀ · dz: [Inputs x batch] x [batch x Units], x read transposed in place.</summary>
internal readonly struct WeightGradientGemm<TLayer> : IGemm where TLayer : struct, IDenseShape
{
    public static int Columns => FrozenShape<TLayer>.Units;
    public static int Rows => FrozenShape<TLayer>.Inputs;
    public static int Depth => -1;
    public static int RowStride => 1;
    public static int DepthStride => FrozenShape<TLayer>.Inputs;
    public static bool AddBias => false;
    public static bool ReLU => false;
}

/// <summary>dx = dz · Wᵀ: [batch x Units] x [Units x Inputs], with Wᵀ materialised so that its rows are contiguous.</summary>
internal readonly struct InputGradientGemm<TLayer> : IGemm where TLayer : struct, IDenseShape
{
    public static int Columns => FrozenShape<TLayer>.Inputs;
    public static int Rows => -1;
    public static int Depth => FrozenShape<TLayer>.Units;
    public static int RowStride => FrozenShape<TLayer>.Units;
    public static int DepthStride => 1;
    public static bool AddBias => false;
    public static bool ReLU => false;
}

/// <summary>
/// The register-blocked matrix product behind every Dense kernel, written once over <see cref="IVectorWidth{TVector}"/>
/// and run at the widest width the processor accelerates: the columns go to 512-bit tiles where AVX-512 is there, what
/// is left to 256-bit, then 128-bit vectors; the last fewer-than-a-vector columns take one masked vector where the
/// processor masks (AVX-512, AVX), else a scalar loop. With the 32 vector registers of AVX-512, tiles of 6 rows by 4
/// vectors of columns keep 24 accumulators in registers across k (4 loads of B and 6 broadcasts of A per 24 fused
/// multiply-adds), then 4 x 4; with AVX2's 16, 4 rows by 2 vectors. The rows past the last whole tile (all of them at
/// batch 1) take one-row tiles of up to 16 vectors, so that B streams through in long contiguous runs.
/// <para>
/// Every output element is the same sequence of operations whatever tile, width or thread computes it (multiply-adds
/// fused where the processor has FMA), so none of them changes a result. For a product with a large constant depth K
/// (see <see cref="DepthHalf{TGemm}"/>) that sequence is <c>(init + Σ_{k &lt; h}) + Σ_{k ≥ h}</c>, the two halves summed
/// apart: a batch of up to 64 rows then splits over two cores by depth, each core reading half of B (the weights) from
/// its own L2, with the same bits as one core running both halves.
/// </para>
/// </summary>
internal static class Gemm
{
    // Products of fewer multiply-adds than this (about a microsecond on one core) stay on the calling thread.
    private const long ParallelWork = 1L << 16;
    private const long DepthSplitWork = 1L << 16;

    // An input-gradient product is split from 2^22 multiply-adds: below that (W2's second layer up to batch 64) one
    // thread was faster than two in measurements on this kind of machine (batch 32: 17 against 26 µs), for reasons not
    // yet understood; at batch 256 two take 76 µs against 103.
    private const long TransposeParallelWork = 1L << 22;

    // The most floats of second-half sums a depth split keeps (64 KiB, W2's first layer at batch 64). Up to there a
    // depth split beat a row split in whole training steps measured side by side (Zen 5, 2 cores): W1 batch 64 -13%,
    // W2 batch 32 -9%, batch 64 -6%, W1 batch 128 -7%; at W1 batch 256 they tied and at W2 batch 256 rows won by 2%.
    // Each core then reads only its half of the weights, the half its optimizer sweep and weight gradients also own,
    // instead of all of them, so a step's working set fits the two L2 caches.
    private const int MaxPartials = 16384;

    // The second-half sums of a depth split, one buffer per calling thread, allocated on its first split: 64 KiB on the
    // stack could overflow a thread created with a small stack.
    [ThreadStatic]
    private static float[]? t_partials;

    /// <summary>
    /// The depth h at which a product's sums are split in two halves, or 0 for one run over k: where the depth is a
    /// constant of at least 64 and a row of C costs at least 2^16 multiply-adds (the weights of a wide layer, about one
    /// microsecond per row on one core, which a second core halves).
    /// </summary>
    private static int DepthHalf<TGemm>()
        where TGemm : struct, IGemm =>
        TGemm.Depth >= 64 && (long)TGemm.Depth * TGemm.Columns >= DepthSplitWork ? TGemm.Depth / 2 : 0;

    /// <summary>
    /// C = init + A·B for the shape <typeparamref name="TGemm"/>. The caller has checked every length: this method reads
    /// <c>a</c>, <c>b</c>, <c>bias</c> and writes <c>c</c> without bounds checks. A product with a deep constant K and at
    /// most 16,384 elements of C (up to batch 64 through 256 units) is split by depth, any other large product by rows, with the <see cref="HelperThread"/> (see
    /// <see cref="Parallelism"/>); every element is computed the same way either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Multiply<TGemm>(ref float a, ref float b, ref float c, ref float bias, int batchSize)
        where TGemm : struct, IGemm
    {
        int rows = TGemm.Rows >= 0 ? TGemm.Rows : batchSize;
        int depth = TGemm.Depth >= 0 ? TGemm.Depth : batchSize;
        int half = DepthHalf<TGemm>();
        long work = (long)rows * TGemm.Columns * depth;

        // Pinned until every row is done (TrySplit returns only when both halves are): the masked tiles take the operands'
        // addresses, and the helper reads them through pointers.
        fixed (float* pa = &a, pb = &b, pc = &c, pBias = &bias)
        {
            if (Parallelism.MaxThreads > 1)
            {
                if (half > 0 && rows <= MaxPartials / TGemm.Columns && work >= DepthSplitWork)
                {
                    if (DepthHalves<TGemm>(pa, pb, pc, pBias, rows, depth, half))
                    {
                        return;
                    }
                }
                else if (rows >= 8 && work >= ParallelWork)
                {
                    // Halves of an even number of rows (a split anywhere changes no result, only speed).
                    int split = rows / 4 * 2;
                    var job = new Job(pa, pb, pc, pBias, null, rows, depth, half);
                    if (HelperThread.TrySplit(&RowsOf<TGemm>, &job, 0, split, rows))
                    {
                        return;
                    }
                }
            }

            AllRows<TGemm>(ref a, ref b, ref c, ref bias, 0, rows, depth, half, 0, TGemm.Columns);
        }
    }

    // This core sums k < h into C, the helper k ≥ h into the partials; then C += partials, as the second pass would.
    // False, having done nothing, when the helper is busy.
    private static unsafe bool DepthHalves<TGemm>(float* pa, float* pb, float* pc, float* pBias, int rows, int depth, int half)
        where TGemm : struct, IGemm
    {
        int count = rows * TGemm.Columns;
        float[] scratch = t_partials ??= new float[MaxPartials];
        fixed (float* partials = scratch)
        {
            var job = new Job(pa, pb, pc, pBias, partials, rows, depth, half);
            if (!HelperThread.TrySplit(&HalvesOf<TGemm>, &job, 0, 1, 2))
            {
                return false;
            }

            var sums = new Span<float>(pc, count);
            TensorPrimitives.Add(sums, new ReadOnlySpan<float>(partials, count), sums);
            if (TGemm.ReLU)
            {
                TensorPrimitives.Max(sums, 0f, sums);
            }

            return true;
        }
    }

    /// <summary>
    /// C = A·Wᵀ for an input-gradient shape (<see cref="InputGradientGemm{TLayer}"/>: B is Wᵀ, <c>[Units x Inputs]</c>),
    /// writing Wᵀ from W (<c>[Inputs x Units]</c>) into <c>transposed</c> first. Split over two threads by columns of C:
    /// each thread transposes the rows of W that are its columns of Wᵀ, then multiplies by them, so that neither reads a
    /// line the other has just written. The caller has checked every length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void MultiplyByTranspose<TGemm>(ref float a, ref float weights, ref float transposed, ref float c, int batchSize)
        where TGemm : struct, IGemm
    {
        int rows = TGemm.Rows >= 0 ? TGemm.Rows : batchSize;
        int depth = TGemm.Depth;
        int columns = TGemm.Columns;
        int half = DepthHalf<TGemm>();
        fixed (float* pa = &a, pw = &weights, pt = &transposed, pc = &c)
        {
            if (Parallelism.MaxThreads > 1 && columns >= 32 && (long)rows * columns * depth >= TransposeParallelWork)
            {
                // Halves on a 16-column boundary: no line of Wᵀ or C is written by both threads.
                int split = columns / 2 / 16 * 16;
                var job = new TransposeJob(pa, pw, pt, pc, rows, depth, half);
                if (HelperThread.TrySplit(&ColumnsOf<TGemm>, &job, 0, split, columns))
                {
                    return;
                }
            }

            Transpose.Matrix(new ReadOnlySpan<float>(pw, columns * depth), new Span<float>(pt, columns * depth), columns, depth);
            AllRows<TGemm>(ref a, ref transposed, ref c, ref c, 0, rows, depth, half, 0, columns);
        }
    }

    // Columns [from, to) of C: the rows [from, to) of W into Wᵀ, then every row of C over those columns.
    private static unsafe void ColumnsOf<TGemm>(void* state, int from, int to)
        where TGemm : struct, IGemm
    {
        var job = (TransposeJob*)state;
        int columns = TGemm.Columns;
        Transpose.Rows(new ReadOnlySpan<float>(job->W, columns * job->Depth), new Span<float>(job->Transposed, columns * job->Depth), columns, job->Depth, from, to);
        AllRows<TGemm>(ref *job->A, ref *job->Transposed, ref *job->C, ref *job->C, 0, job->Rows, job->Depth, job->Half, from, to);
    }

    // The operands of a split input-gradient product, as pointers pinned by the caller (see HelperThread).
    private readonly unsafe struct TransposeJob(float* a, float* w, float* transposed, float* c, int rows, int depth, int half)
    {
        public readonly float* A = a;
        public readonly float* W = w;
        public readonly float* Transposed = transposed;
        public readonly float* C = c;
        public readonly int Rows = rows;
        public readonly int Depth = depth;
        public readonly int Half = half;
    }

    // Rows [from, to) and columns [start, end) of C, in one run over k or in the two halves.
    private static void AllRows<TGemm>(ref float a, ref float b, ref float c, ref float bias, int from, int to, int depth, int half, int start, int end)
        where TGemm : struct, IGemm
    {
        if (half == 0)
        {
            Rows<TGemm>(ref a, ref b, ref c, ref bias, from, to, new Pass(0, depth, fromInit: true, addToC: false, relu: TGemm.ReLU, start, end));
            return;
        }

        Rows<TGemm>(ref a, ref b, ref c, ref bias, from, to, new Pass(0, half, fromInit: true, addToC: false, relu: false, start, end));
        Rows<TGemm>(ref a, ref b, ref c, ref bias, from, to, new Pass(half, depth, fromInit: false, addToC: true, relu: TGemm.ReLU, start, end));
    }

    private static unsafe void RowsOf<TGemm>(void* state, int from, int to)
        where TGemm : struct, IGemm
    {
        var job = (Job*)state;
        AllRows<TGemm>(ref *job->A, ref *job->B, ref *job->C, ref *job->Bias, from, to, job->Depth, job->Half, 0, TGemm.Columns);
    }

    // Range [0, 1): init + Σ_{k < h} into C; range [1, 2): Σ_{k ≥ h} from zero into the partials.
    private static unsafe void HalvesOf<TGemm>(void* state, int from, int to)
        where TGemm : struct, IGemm
    {
        var job = (Job*)state;
        int rows = job->Rows;
        int start = 0, end = TGemm.Columns;
        if (from == 0)
        {
            Rows<TGemm>(ref *job->A, ref *job->B, ref *job->C, ref *job->Bias, 0, rows, new Pass(0, job->Half, fromInit: true, addToC: false, relu: false, start, end));
        }
        else
        {
            Rows<TGemm>(ref *job->A, ref *job->B, ref *job->Partials, ref *job->Bias, 0, rows, new Pass(job->Half, job->Depth, fromInit: false, addToC: false, relu: false, start, end));
        }
    }

    // The operands of a split product, as pointers pinned by the caller (see HelperThread).
    private readonly unsafe struct Job(float* a, float* b, float* c, float* bias, float* partials, int rows, int depth, int half)
    {
        public readonly float* A = a;
        public readonly float* B = b;
        public readonly float* C = c;
        public readonly float* Bias = bias;
        public readonly float* Partials = partials;
        public readonly int Rows = rows;
        public readonly int Depth = depth;
        public readonly int Half = half;
    }

    /// <summary>
    /// One run over k in <c>[From, To)</c> for the columns <c>[Start, End)</c> of C: each sum starts from the bias row
    /// (where the product has one) if <see cref="FromInit"/>, else from zero, is added to what C holds if
    /// <see cref="AddToC"/>, else stored, and passes through <c>max(0, ·)</c> on the way if <see cref="ReLU"/> (the last
    /// run of a ReLU product).
    /// </summary>
    private readonly struct Pass(int from, int to, bool fromInit, bool addToC, bool relu, int start, int end)
    {
        public readonly int From = from;
        public readonly int To = to;
        public readonly bool FromInit = fromInit;
        public readonly bool AddToC = addToC;
        public readonly bool ReLU = relu;
        public readonly int Start = start;
        public readonly int End = end;
    }

    // Rows [from, to) of C for one pass over k: tiles of 6 rows where there are 32 vector registers, then of 4, then of one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows<TGemm>(ref float a, ref float b, ref float c, ref float bias, int from, int to, Pass pass)
        where TGemm : struct, IGemm
    {
        int m = from;
        if (Width512.IsAccelerated)
        {
            // As many 6-row tiles as leave a remainder that 4-row tiles take whole where one can (8 = 4 + 4 rather than
            // 6 + 1 + 1; 9 = 4 + 4 + 1 rather than 6 + 1 + 1 + 1): a one-row tile runs at a fraction of the speed.
            int sixes = (to - from) / 6;
            int left = (to - from) % 6;
            if (sixes > 0 && (left == 2 || left == 3))
            {
                sixes--;
            }

            for (int end = from + (6 * sixes); m < end; m += 6)
            {
                int n = SixRows<TGemm, Width512, Vector512<float>>(ref a, ref b, ref c, ref bias, m, pass, pass.Start);
                if (n < pass.End)
                {
                    FourRowTiles<TGemm>(ref a, ref b, ref c, ref bias, m, pass, n);
                    OneRowTiles<TGemm>(ref a, ref b, ref c, ref bias, m + 4, pass, n);
                    OneRowTiles<TGemm>(ref a, ref b, ref c, ref bias, m + 5, pass, n);
                }
            }
        }

        for (; m <= to - 4; m += 4)
        {
            FourRowTiles<TGemm>(ref a, ref b, ref c, ref bias, m, pass, pass.Start);
        }

        for (; m < to; m++)
        {
            OneRowTiles<TGemm>(ref a, ref b, ref c, ref bias, m, pass, pass.Start);
        }
    }

    // Rows m .. m+3 from column n to the end. At each width the whole vectors go first, then (where the processor
    // masks) the columns left over take one masked vector.
    private static void FourRowTiles<TGemm>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
    {
        if (Width512.IsAccelerated)
        {
            n = FourRows<TGemm, Width512, Vector512<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
            n = FourRowsMasked<TGemm, Width512, Vector512<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
        }

        if (Width256.IsAccelerated)
        {
            n = FourRows<TGemm, Width256, Vector256<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
            n = FourRowsMasked<TGemm, Width256, Vector256<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
        }

        if (Width128.IsAccelerated)
        {
            n = FourRows<TGemm, Width128, Vector128<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
            n = FourRowsMasked<TGemm, Width128, Vector128<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
        }

        FourRowsScalar<TGemm>(ref a, ref b, ref c, ref bias, m, pass, n);
    }

    // Row m from column n to the end, as FourRowTiles.
    private static void OneRowTiles<TGemm>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
    {
        if (Width512.IsAccelerated)
        {
            n = OneRow<TGemm, Width512, Vector512<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
            n = OneRowMasked<TGemm, Width512, Vector512<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
        }

        if (Width256.IsAccelerated)
        {
            n = OneRow<TGemm, Width256, Vector256<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
            n = OneRowMasked<TGemm, Width256, Vector256<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
        }

        if (Width128.IsAccelerated)
        {
            n = OneRow<TGemm, Width128, Vector128<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
            n = OneRowMasked<TGemm, Width128, Vector128<float>>(ref a, ref b, ref c, ref bias, m, pass, n);
        }

        OneRowScalar<TGemm>(ref a, ref b, ref c, ref bias, m, pass, n);
    }

    // Rows m .. m+5, columns from n in tiles of 4 vectors: 24 accumulators, 4 loads of B and 6 broadcasts of A per 24
    // multiply-adds, so that B (read from L2 for every tile) needs half the bandwidth of a 4 x 4 tile. 98% of one core's
    // FMA peak on 504 x 784 x 256 against 78% for 4 x 4 (Zen 5). Returns the first column not done.
    // Compiled alone (never inlined into Rows, whose inlining budget would run out and leave the vector operations as
    // calls); the same for every tile below.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SixRows<TGemm, TWidth, TVector>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct
    {
        int columns = TGemm.Columns;
        int width = TWidth.Count;
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        ref float a1 = ref Unsafe.Add(ref a0, TGemm.RowStride);
        ref float a2 = ref Unsafe.Add(ref a1, TGemm.RowStride);
        ref float a3 = ref Unsafe.Add(ref a2, TGemm.RowStride);
        ref float a4 = ref Unsafe.Add(ref a3, TGemm.RowStride);
        ref float a5 = ref Unsafe.Add(ref a4, TGemm.RowStride);
        ref float c0 = ref Unsafe.Add(ref c, (nint)m * columns);
        ref float c1 = ref Unsafe.Add(ref c0, columns);
        ref float c2 = ref Unsafe.Add(ref c1, columns);
        ref float c3 = ref Unsafe.Add(ref c2, columns);
        ref float c4 = ref Unsafe.Add(ref c3, columns);
        ref float c5 = ref Unsafe.Add(ref c4, columns);
        for (; n <= pass.End - (4 * width); n += 4 * width)
        {
            TVector s00 = Start<TGemm, TWidth, TVector>(ref bias, n, pass), s01 = Start<TGemm, TWidth, TVector>(ref bias, n + width, pass);
            TVector s02 = Start<TGemm, TWidth, TVector>(ref bias, n + (2 * width), pass), s03 = Start<TGemm, TWidth, TVector>(ref bias, n + (3 * width), pass);
            TVector s10 = s00, s11 = s01, s12 = s02, s13 = s03, s20 = s00, s21 = s01, s22 = s02, s23 = s03;
            TVector s30 = s00, s31 = s01, s32 = s02, s33 = s03, s40 = s00, s41 = s01, s42 = s02, s43 = s03;
            TVector s50 = s00, s51 = s01, s52 = s02, s53 = s03;
            ref float bColumns = ref Unsafe.Add(ref b, n);
            for (int k = pass.From; k < pass.To; k++)
            {
                ref float bRow = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                TVector b0 = TWidth.Load(ref bRow, 0), b1 = TWidth.Load(ref bRow, width), b2 = TWidth.Load(ref bRow, 2 * width), b3 = TWidth.Load(ref bRow, 3 * width);
                TVector x = A<TGemm, TWidth, TVector>(ref a0, k);
                s00 = TWidth.MultiplyAdd(x, b0, s00); s01 = TWidth.MultiplyAdd(x, b1, s01); s02 = TWidth.MultiplyAdd(x, b2, s02); s03 = TWidth.MultiplyAdd(x, b3, s03);
                x = A<TGemm, TWidth, TVector>(ref a1, k);
                s10 = TWidth.MultiplyAdd(x, b0, s10); s11 = TWidth.MultiplyAdd(x, b1, s11); s12 = TWidth.MultiplyAdd(x, b2, s12); s13 = TWidth.MultiplyAdd(x, b3, s13);
                x = A<TGemm, TWidth, TVector>(ref a2, k);
                s20 = TWidth.MultiplyAdd(x, b0, s20); s21 = TWidth.MultiplyAdd(x, b1, s21); s22 = TWidth.MultiplyAdd(x, b2, s22); s23 = TWidth.MultiplyAdd(x, b3, s23);
                x = A<TGemm, TWidth, TVector>(ref a3, k);
                s30 = TWidth.MultiplyAdd(x, b0, s30); s31 = TWidth.MultiplyAdd(x, b1, s31); s32 = TWidth.MultiplyAdd(x, b2, s32); s33 = TWidth.MultiplyAdd(x, b3, s33);
                x = A<TGemm, TWidth, TVector>(ref a4, k);
                s40 = TWidth.MultiplyAdd(x, b0, s40); s41 = TWidth.MultiplyAdd(x, b1, s41); s42 = TWidth.MultiplyAdd(x, b2, s42); s43 = TWidth.MultiplyAdd(x, b3, s43);
                x = A<TGemm, TWidth, TVector>(ref a5, k);
                s50 = TWidth.MultiplyAdd(x, b0, s50); s51 = TWidth.MultiplyAdd(x, b1, s51); s52 = TWidth.MultiplyAdd(x, b2, s52); s53 = TWidth.MultiplyAdd(x, b3, s53);
            }

            Store4<TWidth, TVector>(ref c0, n, s00, s01, s02, s03, pass); Store4<TWidth, TVector>(ref c1, n, s10, s11, s12, s13, pass);
            Store4<TWidth, TVector>(ref c2, n, s20, s21, s22, s23, pass); Store4<TWidth, TVector>(ref c3, n, s30, s31, s32, s33, pass);
            Store4<TWidth, TVector>(ref c4, n, s40, s41, s42, s43, pass); Store4<TWidth, TVector>(ref c5, n, s50, s51, s52, s53, pass);
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Start<TGemm, TWidth, TVector>(ref float bias, int n, Pass pass)
        where TGemm : struct, IGemm
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        pass.FromInit && TGemm.AddBias ? TWidth.Load(ref bias, n) : TWidth.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector A<TGemm, TWidth, TVector>(ref float row, int k)
        where TGemm : struct, IGemm
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        TWidth.Broadcast(Unsafe.Add(ref row, (nint)k * TGemm.DepthStride));

    // Rows m .. m+3, columns from n while whole vectors of TWidth fit; returns the first column not done.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FourRows<TGemm, TWidth, TVector>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct
    {
        int columns = TGemm.Columns;
        int width = TWidth.Count;
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        ref float a1 = ref Unsafe.Add(ref a0, TGemm.RowStride);
        ref float a2 = ref Unsafe.Add(ref a1, TGemm.RowStride);
        ref float a3 = ref Unsafe.Add(ref a2, TGemm.RowStride);
        ref float c0 = ref Unsafe.Add(ref c, (nint)m * columns);
        ref float c1 = ref Unsafe.Add(ref c0, columns);
        ref float c2 = ref Unsafe.Add(ref c1, columns);
        ref float c3 = ref Unsafe.Add(ref c2, columns);

        // 4 x 4 vectors: 16 accumulators, only where there are 32 vector registers (AVX-512).
        if (width == 16)
        {
            for (; n <= pass.End - (4 * width); n += 4 * width)
            {
                TVector s00 = Start<TGemm, TWidth, TVector>(ref bias, n, pass), s01 = Start<TGemm, TWidth, TVector>(ref bias, n + width, pass);
                TVector s02 = Start<TGemm, TWidth, TVector>(ref bias, n + (2 * width), pass), s03 = Start<TGemm, TWidth, TVector>(ref bias, n + (3 * width), pass);
                TVector s10 = s00, s11 = s01, s12 = s02, s13 = s03, s20 = s00, s21 = s01, s22 = s02, s23 = s03, s30 = s00, s31 = s01, s32 = s02, s33 = s03;
                ref float bColumns = ref Unsafe.Add(ref b, n);
                for (int k = pass.From; k < pass.To; k++)
                {
                    ref float bRow = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                    TVector b0 = TWidth.Load(ref bRow, 0), b1 = TWidth.Load(ref bRow, width), b2 = TWidth.Load(ref bRow, 2 * width), b3 = TWidth.Load(ref bRow, 3 * width);
                    TVector x = A<TGemm, TWidth, TVector>(ref a0, k);
                    s00 = TWidth.MultiplyAdd(x, b0, s00); s01 = TWidth.MultiplyAdd(x, b1, s01); s02 = TWidth.MultiplyAdd(x, b2, s02); s03 = TWidth.MultiplyAdd(x, b3, s03);
                    x = A<TGemm, TWidth, TVector>(ref a1, k);
                    s10 = TWidth.MultiplyAdd(x, b0, s10); s11 = TWidth.MultiplyAdd(x, b1, s11); s12 = TWidth.MultiplyAdd(x, b2, s12); s13 = TWidth.MultiplyAdd(x, b3, s13);
                    x = A<TGemm, TWidth, TVector>(ref a2, k);
                    s20 = TWidth.MultiplyAdd(x, b0, s20); s21 = TWidth.MultiplyAdd(x, b1, s21); s22 = TWidth.MultiplyAdd(x, b2, s22); s23 = TWidth.MultiplyAdd(x, b3, s23);
                    x = A<TGemm, TWidth, TVector>(ref a3, k);
                    s30 = TWidth.MultiplyAdd(x, b0, s30); s31 = TWidth.MultiplyAdd(x, b1, s31); s32 = TWidth.MultiplyAdd(x, b2, s32); s33 = TWidth.MultiplyAdd(x, b3, s33);
                }

                Store4<TWidth, TVector>(ref c0, n, s00, s01, s02, s03, pass); Store4<TWidth, TVector>(ref c1, n, s10, s11, s12, s13, pass);
                Store4<TWidth, TVector>(ref c2, n, s20, s21, s22, s23, pass); Store4<TWidth, TVector>(ref c3, n, s30, s31, s32, s33, pass);
            }
        }

        // 4 x 2 vectors: 8 accumulators, within the 16 registers of AVX2.
        for (; n <= pass.End - (2 * width); n += 2 * width)
        {
            TVector s00 = Start<TGemm, TWidth, TVector>(ref bias, n, pass), s01 = Start<TGemm, TWidth, TVector>(ref bias, n + width, pass);
            TVector s10 = s00, s11 = s01, s20 = s00, s21 = s01, s30 = s00, s31 = s01;
            ref float bColumns = ref Unsafe.Add(ref b, n);
            for (int k = pass.From; k < pass.To; k++)
            {
                ref float bRow = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                TVector b0 = TWidth.Load(ref bRow, 0), b1 = TWidth.Load(ref bRow, width);
                TVector x = A<TGemm, TWidth, TVector>(ref a0, k);
                s00 = TWidth.MultiplyAdd(x, b0, s00); s01 = TWidth.MultiplyAdd(x, b1, s01);
                x = A<TGemm, TWidth, TVector>(ref a1, k);
                s10 = TWidth.MultiplyAdd(x, b0, s10); s11 = TWidth.MultiplyAdd(x, b1, s11);
                x = A<TGemm, TWidth, TVector>(ref a2, k);
                s20 = TWidth.MultiplyAdd(x, b0, s20); s21 = TWidth.MultiplyAdd(x, b1, s21);
                x = A<TGemm, TWidth, TVector>(ref a3, k);
                s30 = TWidth.MultiplyAdd(x, b0, s30); s31 = TWidth.MultiplyAdd(x, b1, s31);
            }

            Finish<TWidth, TVector>(s00, ref c0, n, pass); Finish<TWidth, TVector>(s01, ref c0, n + width, pass); Finish<TWidth, TVector>(s10, ref c1, n, pass); Finish<TWidth, TVector>(s11, ref c1, n + width, pass);
            Finish<TWidth, TVector>(s20, ref c2, n, pass); Finish<TWidth, TVector>(s21, ref c2, n + width, pass); Finish<TWidth, TVector>(s30, ref c3, n, pass); Finish<TWidth, TVector>(s31, ref c3, n + width, pass);
        }

        for (; n <= pass.End - width; n += width)
        {
            TVector s0 = Start<TGemm, TWidth, TVector>(ref bias, n, pass), s1 = s0, s2 = s0, s3 = s0;
            ref float bColumns = ref Unsafe.Add(ref b, n);
            for (int k = pass.From; k < pass.To; k++)
            {
                TVector b0 = TWidth.Load(ref bColumns, (nint)k * columns);
                s0 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a0, k), b0, s0);
                s1 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a1, k), b0, s1);
                s2 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a2, k), b0, s2);
                s3 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a3, k), b0, s3);
            }

            Finish<TWidth, TVector>(s0, ref c0, n, pass); Finish<TWidth, TVector>(s1, ref c1, n, pass); Finish<TWidth, TVector>(s2, ref c2, n, pass); Finish<TWidth, TVector>(s3, ref c3, n, pass);
        }

        return n;
    }

    // Row m, columns from n while whole vectors of TWidth fit; returns the first column not done.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int OneRow<TGemm, TWidth, TVector>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct
    {
        int columns = TGemm.Columns;
        int width = TWidth.Count;
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        ref float c0 = ref Unsafe.Add(ref c, (nint)m * columns);

        // One row reads each element of B once for one multiply-add, so it is bound by how fast B streams in: the widest
        // tiles read B's rows in the longest contiguous runs. 16 vectors (whole rows of up to 256 columns in one pass)
        // where there are 32 registers; 8 vectors within AVX2's 16.
        if (width == 16)
        {
            for (; n <= pass.End - (16 * width); n += 16 * width)
            {
                ref float bias0 = ref Unsafe.Add(ref bias, n);
                ref float bias8 = ref Unsafe.Add(ref bias0, 8 * width);
                TVector s0 = Start<TGemm, TWidth, TVector>(ref bias0, 0, pass), s1 = Start<TGemm, TWidth, TVector>(ref bias0, width, pass);
                TVector s2 = Start<TGemm, TWidth, TVector>(ref bias0, 2 * width, pass), s3 = Start<TGemm, TWidth, TVector>(ref bias0, 3 * width, pass);
                TVector s4 = Start<TGemm, TWidth, TVector>(ref bias0, 4 * width, pass), s5 = Start<TGemm, TWidth, TVector>(ref bias0, 5 * width, pass);
                TVector s6 = Start<TGemm, TWidth, TVector>(ref bias0, 6 * width, pass), s7 = Start<TGemm, TWidth, TVector>(ref bias0, 7 * width, pass);
                TVector t0 = Start<TGemm, TWidth, TVector>(ref bias8, 0, pass), t1 = Start<TGemm, TWidth, TVector>(ref bias8, width, pass);
                TVector t2 = Start<TGemm, TWidth, TVector>(ref bias8, 2 * width, pass), t3 = Start<TGemm, TWidth, TVector>(ref bias8, 3 * width, pass);
                TVector t4 = Start<TGemm, TWidth, TVector>(ref bias8, 4 * width, pass), t5 = Start<TGemm, TWidth, TVector>(ref bias8, 5 * width, pass);
                TVector t6 = Start<TGemm, TWidth, TVector>(ref bias8, 6 * width, pass), t7 = Start<TGemm, TWidth, TVector>(ref bias8, 7 * width, pass);
                ref float bColumns = ref Unsafe.Add(ref b, n);
                for (int k = pass.From; k < pass.To; k++)
                {
                    ref float b0 = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                    ref float b8 = ref Unsafe.Add(ref b0, 8 * width);
                    TVector x = A<TGemm, TWidth, TVector>(ref a0, k);
                    s0 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 0), s0); s1 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, width), s1);
                    s2 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 2 * width), s2); s3 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 3 * width), s3);
                    s4 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 4 * width), s4); s5 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 5 * width), s5);
                    s6 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 6 * width), s6); s7 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 7 * width), s7);
                    t0 = TWidth.MultiplyAdd(x, TWidth.Load(ref b8, 0), t0); t1 = TWidth.MultiplyAdd(x, TWidth.Load(ref b8, width), t1);
                    t2 = TWidth.MultiplyAdd(x, TWidth.Load(ref b8, 2 * width), t2); t3 = TWidth.MultiplyAdd(x, TWidth.Load(ref b8, 3 * width), t3);
                    t4 = TWidth.MultiplyAdd(x, TWidth.Load(ref b8, 4 * width), t4); t5 = TWidth.MultiplyAdd(x, TWidth.Load(ref b8, 5 * width), t5);
                    t6 = TWidth.MultiplyAdd(x, TWidth.Load(ref b8, 6 * width), t6); t7 = TWidth.MultiplyAdd(x, TWidth.Load(ref b8, 7 * width), t7);
                }

                Store4<TWidth, TVector>(ref c0, n, s0, s1, s2, s3, pass); Store4<TWidth, TVector>(ref c0, n + (4 * width), s4, s5, s6, s7, pass);
                Store4<TWidth, TVector>(ref c0, n + (8 * width), t0, t1, t2, t3, pass); Store4<TWidth, TVector>(ref c0, n + (12 * width), t4, t5, t6, t7, pass);
            }
        }

        for (; n <= pass.End - (8 * width); n += 8 * width)
        {
            ref float bias0 = ref Unsafe.Add(ref bias, n);
            TVector s0 = Start<TGemm, TWidth, TVector>(ref bias0, 0, pass), s1 = Start<TGemm, TWidth, TVector>(ref bias0, width, pass);
            TVector s2 = Start<TGemm, TWidth, TVector>(ref bias0, 2 * width, pass), s3 = Start<TGemm, TWidth, TVector>(ref bias0, 3 * width, pass);
            TVector s4 = Start<TGemm, TWidth, TVector>(ref bias0, 4 * width, pass), s5 = Start<TGemm, TWidth, TVector>(ref bias0, 5 * width, pass);
            TVector s6 = Start<TGemm, TWidth, TVector>(ref bias0, 6 * width, pass), s7 = Start<TGemm, TWidth, TVector>(ref bias0, 7 * width, pass);
            ref float bColumns = ref Unsafe.Add(ref b, n);
            for (int k = pass.From; k < pass.To; k++)
            {
                ref float b0 = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                TVector x = A<TGemm, TWidth, TVector>(ref a0, k);
                s0 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 0), s0); s1 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, width), s1);
                s2 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 2 * width), s2); s3 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 3 * width), s3);
                s4 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 4 * width), s4); s5 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 5 * width), s5);
                s6 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 6 * width), s6); s7 = TWidth.MultiplyAdd(x, TWidth.Load(ref b0, 7 * width), s7);
            }

            Store4<TWidth, TVector>(ref c0, n, s0, s1, s2, s3, pass); Store4<TWidth, TVector>(ref c0, n + (4 * width), s4, s5, s6, s7, pass);
        }

        // 4 vectors: 4 independent chains of multiply-adds.
        for (; n <= pass.End - (4 * width); n += 4 * width)
        {
            TVector s0 = Start<TGemm, TWidth, TVector>(ref bias, n, pass), s1 = Start<TGemm, TWidth, TVector>(ref bias, n + width, pass);
            TVector s2 = Start<TGemm, TWidth, TVector>(ref bias, n + (2 * width), pass), s3 = Start<TGemm, TWidth, TVector>(ref bias, n + (3 * width), pass);
            ref float bColumns = ref Unsafe.Add(ref b, n);
            for (int k = pass.From; k < pass.To; k++)
            {
                ref float bRow = ref Unsafe.Add(ref bColumns, (nint)k * columns);
                TVector x = A<TGemm, TWidth, TVector>(ref a0, k);
                s0 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 0), s0);
                s1 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, width), s1);
                s2 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 2 * width), s2);
                s3 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 3 * width), s3);
            }

            Store4<TWidth, TVector>(ref c0, n, s0, s1, s2, s3, pass);
        }

        for (; n <= pass.End - width; n += width)
        {
            TVector s0 = Start<TGemm, TWidth, TVector>(ref bias, n, pass);
            ref float bColumns = ref Unsafe.Add(ref b, n);
            for (int k = pass.From; k < pass.To; k++)
            {
                s0 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a0, k), TWidth.Load(ref bColumns, (nint)k * columns), s0);
            }

            Finish<TWidth, TVector>(s0, ref c0, n, pass);
        }

        return n;
    }

    // Rows m .. m+3, the fewer than TWidth.Count columns from n to the end as one masked vector per row (where the
    // processor masks; else returns n). The operands are pinned by Multiply.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int FourRowsMasked<TGemm, TWidth, TVector>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct
    {
        int columns = TGemm.Columns;
        if (!TWidth.CanMask || n >= pass.End)
        {
            return n;
        }

        TVector mask = TWidth.FirstLanes(pass.End - n);
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        ref float a1 = ref Unsafe.Add(ref a0, TGemm.RowStride);
        ref float a2 = ref Unsafe.Add(ref a1, TGemm.RowStride);
        ref float a3 = ref Unsafe.Add(ref a2, TGemm.RowStride);
        float* c0 = (float*)Unsafe.AsPointer(ref Unsafe.Add(ref c, ((nint)m * columns) + n));
        TVector s0 = pass.FromInit && TGemm.AddBias ? TWidth.LoadFirst((float*)Unsafe.AsPointer(ref Unsafe.Add(ref bias, n)), mask) : TWidth.Zero;
        TVector s1 = s0, s2 = s0, s3 = s0;
        float* bColumns = (float*)Unsafe.AsPointer(ref Unsafe.Add(ref b, n));
        for (int k = pass.From; k < pass.To; k++)
        {
            TVector b0 = TWidth.LoadFirst(bColumns + ((nint)k * columns), mask);
            s0 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a0, k), b0, s0);
            s1 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a1, k), b0, s1);
            s2 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a2, k), b0, s2);
            s3 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a3, k), b0, s3);
        }

        FinishFirst<TWidth, TVector>(s0, c0, mask, pass);
        FinishFirst<TWidth, TVector>(s1, c0 + columns, mask, pass);
        FinishFirst<TWidth, TVector>(s2, c0 + (2 * columns), mask, pass);
        FinishFirst<TWidth, TVector>(s3, c0 + (3 * columns), mask, pass);
        return pass.End;
    }

    // Row m, the fewer than TWidth.Count columns from n to the end as one masked vector (where the processor masks;
    // else returns n). The operands are pinned by Multiply.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int OneRowMasked<TGemm, TWidth, TVector>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct
    {
        int columns = TGemm.Columns;
        if (!TWidth.CanMask || n >= pass.End)
        {
            return n;
        }

        TVector mask = TWidth.FirstLanes(pass.End - n);
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        TVector s0 = pass.FromInit && TGemm.AddBias ? TWidth.LoadFirst((float*)Unsafe.AsPointer(ref Unsafe.Add(ref bias, n)), mask) : TWidth.Zero;
        float* bColumns = (float*)Unsafe.AsPointer(ref Unsafe.Add(ref b, n));
        for (int k = pass.From; k < pass.To; k++)
        {
            s0 = TWidth.MultiplyAdd(A<TGemm, TWidth, TVector>(ref a0, k), TWidth.LoadFirst(bColumns + ((nint)k * columns), mask), s0);
        }

        FinishFirst<TWidth, TVector>(s0, (float*)Unsafe.AsPointer(ref Unsafe.Add(ref c, ((nint)m * columns) + n)), mask, pass);
        return pass.End;
    }

    // Rows m .. m+3, the columns from n to the end, one at a time.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FourRowsScalar<TGemm>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
    {
        int columns = TGemm.Columns;
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        ref float a1 = ref Unsafe.Add(ref a0, TGemm.RowStride);
        ref float a2 = ref Unsafe.Add(ref a1, TGemm.RowStride);
        ref float a3 = ref Unsafe.Add(ref a2, TGemm.RowStride);
        ref float c0 = ref Unsafe.Add(ref c, (nint)m * columns);
        ref float c1 = ref Unsafe.Add(ref c0, columns);
        ref float c2 = ref Unsafe.Add(ref c1, columns);
        ref float c3 = ref Unsafe.Add(ref c2, columns);
        for (; n < pass.End; n++)
        {
            float s0 = pass.FromInit && TGemm.AddBias ? Unsafe.Add(ref bias, n) : 0f, s1 = s0, s2 = s0, s3 = s0;
            for (int k = pass.From; k < pass.To; k++)
            {
                float bk = Unsafe.Add(ref b, ((nint)k * columns) + n);
                nint ak = (nint)k * TGemm.DepthStride;
                s0 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a0, ak), bk, s0);
                s1 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a1, ak), bk, s1);
                s2 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a2, ak), bk, s2);
                s3 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a3, ak), bk, s3);
            }

            Finish(ref Unsafe.Add(ref c0, n), s0, pass); Finish(ref Unsafe.Add(ref c1, n), s1, pass); Finish(ref Unsafe.Add(ref c2, n), s2, pass); Finish(ref Unsafe.Add(ref c3, n), s3, pass);
        }
    }

    // Row m, the columns from n to the end, one at a time.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OneRowScalar<TGemm>(ref float a, ref float b, ref float c, ref float bias, int m, Pass pass, int n)
        where TGemm : struct, IGemm
    {
        int columns = TGemm.Columns;
        ref float a0 = ref Unsafe.Add(ref a, (nint)m * TGemm.RowStride);
        ref float c0 = ref Unsafe.Add(ref c, (nint)m * columns);
        for (; n < pass.End; n++)
        {
            float s0 = pass.FromInit && TGemm.AddBias ? Unsafe.Add(ref bias, n) : 0f;
            for (int k = pass.From; k < pass.To; k++)
            {
                s0 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a0, (nint)k * TGemm.DepthStride), Unsafe.Add(ref b, ((nint)k * columns) + n), s0);
            }

            Finish(ref Unsafe.Add(ref c0, n), s0, pass);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4<TWidth, TVector>(ref float row, int n, TVector s0, TVector s1, TVector s2, TVector s3, Pass pass)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct
    {
        Finish<TWidth, TVector>(s0, ref row, n, pass);
        Finish<TWidth, TVector>(s1, ref row, n + TWidth.Count, pass);
        Finish<TWidth, TVector>(s2, ref row, n + (2 * TWidth.Count), pass);
        Finish<TWidth, TVector>(s3, ref row, n + (3 * TWidth.Count), pass);
    }

    // Stores a sum, or adds it to C's value (the second half of a split depth).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TWidth, TVector>(TVector sum, ref float row, nint n, Pass pass)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        TWidth.Store(Activate<TWidth, TVector>(pass.AddToC ? TWidth.Add(TWidth.Load(ref row, n), sum) : sum, pass), ref row, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void FinishFirst<TWidth, TVector>(TVector sum, float* row, TVector mask, Pass pass)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        TWidth.StoreFirst(Activate<TWidth, TVector>(pass.AddToC ? TWidth.Add(TWidth.LoadFirst(row, mask), sum) : sum, pass), row, mask);

    // max(0, value) as TensorPrimitives.Max computes it (NaN stays NaN, -0 becomes +0), where the pass applies ReLU.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Activate<TWidth, TVector>(TVector value, Pass pass)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        pass.ReLU ? TWidth.Max(value, TWidth.Zero) : value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(ref float element, float sum, Pass pass)
    {
        float value = pass.AddToC ? element + sum : sum;
        element = pass.ReLU ? MathF.Max(value, 0f) : value;
    }
}
