using System;
using System.Collections.Generic;
using System.Linq;
using StaticNet.Kernels;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Tests.Kernels;

/// <summary>
/// <see cref="Dense"/> against a naive triple loop in double, over every pair of the awkward sizes 1, 3, 7, 8, 9, 15, 16,
/// 17, 31, 33 as Inputs and Units (below and above one vector, one vector, a vector plus one, tiles of two and three
/// vectors with and without a scalar tail), plus 784 paired with a few of them and 33 x 200 and 784 x 200, at batch sizes 1, 2, 3, 4, 5, 63, 64, 65
/// (one-row and four-row tiles and their remainders).
/// <para>
/// Tolerance: <c>|actual - exact| ≤ γ_n · Σ|terms|</c> with <c>γ_n = n·u / (1 - n·u)</c>, <c>u = 2^-24</c> and n the
/// number of terms of the sum (the bias counted as one). This is the worst-case bound of a float dot product summed in
/// one running order, fused or not (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, §3.1): every term
/// passes through at most n roundings. The reference is exact to about 1e-16 in double and the inputs are floats, so the
/// bound cannot fail for a correct kernel on any hardware. It is 1.2e-7 · Σ|terms| for n = 2, 2.0e-6 for n = 33,
/// 3.9e-6 for n = 65 (the weight gradients at batch 65), below 1e-5 up to n = 167, and 4.7e-5 for n = 785 (784 inputs
/// and the bias); the largest error seen is about 4u · Σ|terms| (2.4e-7). A wrong, missing or doubled term among n
/// random terms is typically 1/n · Σ|terms| or more (1.3e-3 at n = 785), far outside.
/// </para>
/// <para>
/// Every output starts as NaN inside guard bands of other NaNs, so an element left unwritten or a write outside the span
/// fails; the inputs must come back unchanged.
/// </para>
/// </summary>
public class DenseTests(ITestOutputHelper output) : IDisposable
{
    private double _worst; // the largest error seen, in units of u · Σ|terms|
    private int _worstTerms;

    private static readonly int[] BatchSizes = [1, 2, 3, 4, 5, 63, 64, 65];

    public static TheoryData<string> ShapeNames => new(DenseKernel.All.Keys);

    [Fact]
    public void ShapeTable_CoversEverySizeAsInputsAndUnits()
    {
        int[] sizes = [1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 784];
        DenseKernel[] kernels = [.. DenseKernel.All.Values];

        Assert.Equal(109, kernels.Length);
        foreach (int size in sizes)
        {
            // Each size is the columns of some GEMM (Units for the forward pass and the weight gradients, Inputs for the
            // input gradients).
            Assert.Contains(kernels, k => k.Units == size);
            Assert.Contains(kernels, k => k.Inputs == size);
        }

        // The full 10 x 10 grid of the small sizes.
        Assert.Equal(100, kernels.Count(k => k.Inputs != 784 && k.Units != 784 && k.Units != 200));
    }

    /// <summary>
    /// <see cref="Dense.ForwardReLU{TLayer}"/> is <see cref="Dense.Forward{TLayer}"/> followed by
    /// <see cref="ActivationFunctions.ReLU"/>, bit for bit, on every shape and batch size (every tile, width, split by
    /// rows and by depth), and writes nothing outside its output.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void ForwardReLU_IsForwardThenReLU_BitForBit(string shape)
    {
        DenseKernel kernel = DenseKernel.All[shape];
        var random = new Random(shape.GetHashCode(StringComparison.Ordinal));
        int clamped = 0;
        foreach (int batch in BatchSizes)
        {
            float[] x = Uniform(random, batch * kernel.Inputs), w = Uniform(random, kernel.Inputs * kernel.Units), b = Uniform(random, kernel.Units);
            float[] expected = new float[batch * kernel.Units];
            kernel.Forward(x, w, b, expected, batch);
            clamped += expected.Count(v => v < 0f);
            ActivationFunctions.ReLU(expected, expected);
            var outputs = new Guarded(batch * kernel.Units);
            kernel.ForwardReLU(x, w, b, outputs.Span, batch);
            Assert.Equal(Bits(expected), Bits(outputs.Span.ToArray()));
            outputs.AssertBandsIntact($"{shape}, batch {batch}: outputs");
        }

        Assert.True(clamped > 0, "No output was negative: ReLU was never tested.");
    }

    [Fact]
    public void ForwardReLU_KeepsNaN_AndTurnsNegativeZeroIntoZero_AsReLUDoes()
    {
        // Zero weights: every output is its bias, plus -0 from the negative inputs (so -0 stays -0 before ReLU).
        DenseKernel kernel = DenseKernel.Create(9, 16);
        float[] x = Enumerable.Repeat(-1f, 2 * 9).ToArray(), w = new float[9 * 16];
        float[] b = [-0f, float.NaN, -1f, 1f, float.PositiveInfinity, float.NegativeInfinity, 0f, -2.5f, 3f, -0f, 0f, float.NaN, 7f, -7f, 1e-40f, -1e-40f];
        float[] expected = new float[2 * 16], actual = new float[2 * 16];
        kernel.Forward(x, w, b, expected, 2);
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(expected[0]));
        ActivationFunctions.ReLU(expected, expected);
        kernel.ForwardReLU(x, w, b, actual, 2);
        Assert.Equal(Bits(expected), Bits(actual));
        Assert.True(float.IsNaN(actual[1]));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(actual[0]));
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Forward_MatchesNaiveReference_AndWritesOnlyItsOutput(string shape)
    {
        DenseKernel kernel = DenseKernel.All[shape];
        int inputs = kernel.Inputs, units = kernel.Units;
        var random = new Random(Seed(kernel));
        foreach (int batch in BatchSizes)
        {
            float[] x = Uniform(random, batch * inputs), w = Uniform(random, inputs * units), b = Uniform(random, units);
            float[] xCopy = (float[])x.Clone(), wCopy = (float[])w.Clone(), bCopy = (float[])b.Clone();
            var outputs = new Guarded(batch * units);

            kernel.Forward(x, w, b, outputs.Span, batch);

            for (int row = 0; row < batch; row++)
            {
                for (int u = 0; u < units; u++)
                {
                    double sum = b[u], magnitude = Math.Abs(b[u]);
                    for (int i = 0; i < inputs; i++)
                    {
                        double term = (double)x[(row * inputs) + i] * w[(i * units) + u];
                        sum += term;
                        magnitude += Math.Abs(term);
                    }

                    AssertClose(sum, magnitude, inputs + 1, outputs.Span[(row * units) + u], shape, batch, "outputs", row, u);
                }
            }

            outputs.AssertBandsIntact($"{shape}, batch {batch}: outputs");
            AssertUnchanged(xCopy, x, "x");
            AssertUnchanged(wCopy, w, "w");
            AssertUnchanged(bCopy, b, "b");
        }
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void ParameterGradients_MatchNaiveReference_AndWriteOnlyTheirOutputs(string shape)
    {
        DenseKernel kernel = DenseKernel.All[shape];
        int inputs = kernel.Inputs, units = kernel.Units;
        var random = new Random(Seed(kernel));
        foreach (int batch in BatchSizes)
        {
            float[] x = Uniform(random, batch * inputs), dz = Uniform(random, batch * units);
            float[] xCopy = (float[])x.Clone(), dzCopy = (float[])dz.Clone();
            var weightGradients = new Guarded(inputs * units);
            var biasGradients = new Guarded(units);

            kernel.ParameterGradients(x, dz, weightGradients.Span, biasGradients.Span, batch);

            for (int u = 0; u < units; u++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    double sum = 0, magnitude = 0;
                    for (int row = 0; row < batch; row++)
                    {
                        double term = (double)x[(row * inputs) + i] * dz[(row * units) + u];
                        sum += term;
                        magnitude += Math.Abs(term);
                    }

                    AssertClose(sum, magnitude, batch, weightGradients.Span[(i * units) + u], shape, batch, "weightGradients", i, u);
                }

                double biasSum = 0, biasMagnitude = 0;
                for (int row = 0; row < batch; row++)
                {
                    biasSum += dz[(row * units) + u];
                    biasMagnitude += Math.Abs(dz[(row * units) + u]);
                }

                AssertClose(biasSum, biasMagnitude, batch, biasGradients.Span[u], shape, batch, "biasGradients", -1, u);
            }

            weightGradients.AssertBandsIntact($"{shape}, batch {batch}: weightGradients");
            biasGradients.AssertBandsIntact($"{shape}, batch {batch}: biasGradients");
            AssertUnchanged(xCopy, x, "x");
            AssertUnchanged(dzCopy, dz, "dz");
        }
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void InputGradients_MatchNaiveReference_AndWriteOnlyTheirOutputAndScratch(string shape)
    {
        DenseKernel kernel = DenseKernel.All[shape];
        int inputs = kernel.Inputs, units = kernel.Units;
        var random = new Random(Seed(kernel));
        foreach (int batch in BatchSizes)
        {
            float[] dz = Uniform(random, batch * units), w = Uniform(random, inputs * units);
            float[] dzCopy = (float[])dz.Clone(), wCopy = (float[])w.Clone();
            var transposed = new Guarded(inputs * units);
            var inputGradients = new Guarded(batch * inputs);

            kernel.InputGradients(dz, w, transposed.Span, inputGradients.Span, batch);

            for (int row = 0; row < batch; row++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    double sum = 0, magnitude = 0;
                    for (int u = 0; u < units; u++)
                    {
                        double term = (double)dz[(row * units) + u] * w[(i * units) + u];
                        sum += term;
                        magnitude += Math.Abs(term);
                    }

                    AssertClose(sum, magnitude, units, inputGradients.Span[(row * inputs) + i], shape, batch, "inputGradients", row, i);
                }
            }

            transposed.AssertBandsIntact($"{shape}, batch {batch}: transposedWeights");
            inputGradients.AssertBandsIntact($"{shape}, batch {batch}: inputGradients");
            AssertUnchanged(dzCopy, dz, "dz");
            AssertUnchanged(wCopy, w, "w");
        }
    }

    /// <summary>
    /// Gemm's promise: "every output element is the same sequence of operations whatever tile, width or thread computes
    /// it". The row tiles (four rows, or one row for the remainder of the batch), the split of a batch by rows over two
    /// threads and the split of a few rows by depth over two threads (784 x 200: its forward and input-gradient sums run
    /// in two halves; a batch of 65 has 13,000 outputs, within a depth split's 16,384, a batch of 100 is split by rows)
    /// must not change a single bit.
    /// </summary>
    [Theory]
    [InlineData(784, 33, 65)]
    [InlineData(33, 784, 65)]
    [InlineData(784, 200, 65)]
    [InlineData(784, 200, 100)]
    [InlineData(17, 31, 65)]
    [InlineData(31, 17, 65)]
    [InlineData(9, 16, 65)]
    public void Tiling_NeverChangesABit(int inputs, int units, int batch)
    {
        DenseKernel kernel = DenseKernel.Create(inputs, units);
        var random = new Random(inputs * 1000 + units);
        float[] x = Uniform(random, batch * inputs), w = Uniform(random, inputs * units), b = Uniform(random, units), dz = Uniform(random, batch * units);
        int threads = Parallelism.MaxThreads;
        try
        {
            var batchBits = new List<int[]>();
            foreach (int maxThreads in new[] { 1, 2 })
            {
                Parallelism.MaxThreads = maxThreads;
                batchBits.Add(Bits(RunAll(kernel, x, w, b, dz, batch)));

                // Row by row alone (batch 1: one-row tiles only, split by depth where the sums are) equals the same row
                // inside the batch (six- and four-row tiles, a one-row tile for the last row), in the two kernels whose
                // rows are the samples.
                float[] outputs = new float[batch * units], inputGradients = new float[batch * inputs], transposed = new float[inputs * units];
                kernel.Forward(x, w, b, outputs, batch);
                kernel.InputGradients(dz, w, transposed, inputGradients, batch);
                foreach (int row in new[] { 0, 1, 3, 4, batch - 3, batch - 2, batch - 1 })
                {
                    float[] one = new float[units], oneGradients = new float[inputs];
                    kernel.Forward(x.AsSpan(row * inputs, inputs), w, b, one, 1);
                    kernel.InputGradients(dz.AsSpan(row * units, units), w, transposed, oneGradients, 1);
                    Assert.Equal(Bits(outputs.AsSpan(row * units, units).ToArray()), Bits(one));
                    Assert.Equal(Bits(inputGradients.AsSpan(row * inputs, inputs).ToArray()), Bits(oneGradients));
                }
            }

            // Split between two threads (by rows, where the product is large enough) or not: the same bits.
            Assert.Equal(batchBits[0], batchBits[1]);
        }
        finally
        {
            Parallelism.MaxThreads = threads;
        }
    }

    [Fact]
    public void Forward_InvalidArguments_ThrowNamingTheParameter_BeforeWriting()
    {
        DenseKernel kernel = DenseKernel.Create(7, 9);
        const int Batch = 3;
        float[] x = new float[Batch * 7], w = new float[7 * 9], b = new float[9];
        var outputs = new Guarded(Batch * 9);

        AssertBatchSizeRejected(batch => kernel.Forward(x.AsSpan(0, Math.Max(batch, 0) * 7), w, b, outputs.Span[..(Math.Max(batch, 0) * 9)], batch));
        foreach (int delta in new[] { -1, 1 })
        {
            AssertRejects("inputs", () => kernel.Forward(new float[x.Length + delta], w, b, outputs.Span, Batch));
            AssertRejects("weights", () => kernel.Forward(x, new float[w.Length + delta], b, outputs.Span, Batch));
            AssertRejects("bias", () => kernel.Forward(x, w, new float[b.Length + delta], outputs.Span, Batch));
            AssertRejects("outputs", () => kernel.Forward(x, w, b, new float[outputs.Span.Length + delta], Batch));
        }

        // Lengths consistent with another batch size than the one given.
        AssertRejects("inputs", () => kernel.Forward(x, w, b, outputs.Span, Batch + 1));
        outputs.AssertUntouched("outputs");
    }

    [Fact]
    public void ParameterGradients_InvalidArguments_ThrowNamingTheParameter_BeforeWriting()
    {
        DenseKernel kernel = DenseKernel.Create(7, 9);
        const int Batch = 3;
        float[] x = new float[Batch * 7], dz = new float[Batch * 9];
        var weightGradients = new Guarded(7 * 9);
        var biasGradients = new Guarded(9);

        AssertBatchSizeRejected(batch => kernel.ParameterGradients([], [], weightGradients.Span, biasGradients.Span, batch));
        foreach (int delta in new[] { -1, 1 })
        {
            AssertRejects("inputs", () => kernel.ParameterGradients(new float[x.Length + delta], dz, weightGradients.Span, biasGradients.Span, Batch));
            AssertRejects("outputGradients", () => kernel.ParameterGradients(x, new float[dz.Length + delta], weightGradients.Span, biasGradients.Span, Batch));
            AssertRejects("weightGradients", () => kernel.ParameterGradients(x, dz, new float[(7 * 9) + delta], biasGradients.Span, Batch));
            AssertRejects("biasGradients", () => kernel.ParameterGradients(x, dz, weightGradients.Span, new float[9 + delta], Batch));
        }

        AssertRejects("inputs", () => kernel.ParameterGradients(x, dz, weightGradients.Span, biasGradients.Span, Batch - 1));
        weightGradients.AssertUntouched("weightGradients");
        biasGradients.AssertUntouched("biasGradients");
    }

    [Fact]
    public void InputGradients_InvalidArguments_ThrowNamingTheParameter_BeforeWriting()
    {
        DenseKernel kernel = DenseKernel.Create(7, 9);
        const int Batch = 3;
        float[] dz = new float[Batch * 9], w = new float[7 * 9];
        var transposed = new Guarded(7 * 9);
        var inputGradients = new Guarded(Batch * 7);

        AssertBatchSizeRejected(batch => kernel.InputGradients([], w, transposed.Span, [], batch));
        foreach (int delta in new[] { -1, 1 })
        {
            AssertRejects("outputGradients", () => kernel.InputGradients(new float[dz.Length + delta], w, transposed.Span, inputGradients.Span, Batch));
            AssertRejects("weights", () => kernel.InputGradients(dz, new float[w.Length + delta], transposed.Span, inputGradients.Span, Batch));
            AssertRejects("transposedWeights", () => kernel.InputGradients(dz, w, new float[(7 * 9) + delta], inputGradients.Span, Batch));
            AssertRejects("inputGradients", () => kernel.InputGradients(dz, w, transposed.Span, new float[inputGradients.Span.Length + delta], Batch));
        }

        AssertRejects("outputGradients", () => kernel.InputGradients(dz, w, transposed.Span, inputGradients.Span, Batch + 2));
        transposed.AssertUntouched("transposedWeights");
        inputGradients.AssertUntouched("inputGradients");
    }

    private static void AssertBatchSizeRejected(Action<int> call)
    {
        foreach (int batch in new[] { 0, -1, int.MinValue })
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => call(batch));
            Assert.Equal("batchSize", exception.ParamName);
            Assert.Equal(batch, exception.ActualValue);
        }
    }

    private static void AssertRejects(string parameter, Action call)
    {
        var exception = Assert.Throws<ArgumentException>(call);
        Assert.Equal(parameter, exception.ParamName);
    }

    private static float[] RunAll(DenseKernel kernel, float[] x, float[] w, float[] b, float[] dz, int batch)
    {
        int inputs = kernel.Inputs, units = kernel.Units;
        float[] outputs = new float[batch * units], weightGradients = new float[inputs * units], biasGradients = new float[units];
        float[] transposed = new float[inputs * units], inputGradients = new float[batch * inputs];
        kernel.Forward(x, w, b, outputs, batch);
        kernel.ParameterGradients(x, dz, weightGradients, biasGradients, batch);
        kernel.InputGradients(dz, w, transposed, inputGradients, batch);
        return [.. outputs, .. weightGradients, .. biasGradients, .. inputGradients];
    }

    public void Dispose()
    {
        if (_worstTerms > 0)
        {
            output.WriteLine($"largest error {_worst:F2} u·Σ|terms| (bound {_worstTerms} u·Σ|terms|, n = {_worstTerms})");
        }
    }

    private static void AssertUnchanged(float[] before, float[] after, string name) =>
        Assert.True(before.AsSpan().SequenceEqual(after), $"{name}, an input, was changed");

    // Deterministic per shape (string hash codes are randomised per process).
    private static int Seed(DenseKernel kernel) => (kernel.Inputs * 100_000) + (kernel.Units * 10);

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);

    /// <summary>γ_n · magnitude, the worst-case error of an n-term float sum in one running order (see the class summary).</summary>
    private void AssertClose(double exact, double magnitude, int terms, float actual, string shape, int batch, string span, int row, int column)
    {
        const double U = 1.0 / (1 << 24);
        double bound = terms * U / (1 - (terms * U)) * magnitude;
        double error = Math.Abs(actual - exact);
        if (error > _worst * U * magnitude)
        {
            _worst = error / (U * magnitude);
            _worstTerms = terms;
        }

        if (!(error <= bound))
        {
            string index = row < 0 ? $"{column}" : $"{row}, {column}";
            Assert.Fail($"{shape}, batch {batch}: {span}[{index}] = {actual:R}, exact {exact:R}: error {error:G3} > bound {bound:G3} (γ_{terms} · Σ|terms| {magnitude:G6})");
        }
    }

    private static float[] Uniform(Random random, int length)
    {
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    /// <summary>
    /// An output span inside a larger array: guard bands of 64 floats (more than three 512-bit vectors) on each side
    /// hold distinct NaN payloads that no kernel can produce, and the span itself starts as NaN so that an element the
    /// kernel forgets to write fails the comparison with the reference.
    /// </summary>
    private sealed class Guarded
    {
        private const int Band = 64;
        private readonly float[] _array;
        private readonly int _length;

        public Guarded(int length)
        {
            _length = length;
            _array = new float[length + (2 * Band)];
            for (int i = 0; i < _array.Length; i++)
            {
                _array[i] = Sentinel(i);
            }
        }

        public Span<float> Span => _array.AsSpan(Band, _length);

        public void AssertBandsIntact(string what)
        {
            for (int i = 0; i < Band; i++)
            {
                if (!IsSentinel(i))
                {
                    Assert.Fail($"{what}: written {Band - i} floats before the span (value {_array[i]:R})");
                }

                if (!IsSentinel(Band + _length + i))
                {
                    Assert.Fail($"{what}: written {i} floats after the span's end (value {_array[Band + _length + i]:R})");
                }
            }
        }

        public void AssertUntouched(string what)
        {
            for (int i = 0; i < _array.Length; i++)
            {
                if (!IsSentinel(i))
                {
                    Assert.Fail($"{what}: element {i - Band} written (value {_array[i]:R})");
                }
            }
        }

        // Quiet NaNs with a payload, unlike the default NaNs 0x7FC00000 and 0xFFC00000 that arithmetic produces.
        private static float Sentinel(int i) => BitConverter.Int32BitsToSingle(0x7FD0_0000 | (i & 0xFFFF));

        private bool IsSentinel(int i) => BitConverter.SingleToInt32Bits(_array[i]) == BitConverter.SingleToInt32Bits(Sentinel(i));
    }
}
