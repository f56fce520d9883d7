using System;
using System.Linq;
using Xunit;

namespace StaticNet.Tests.Kernels;

/// <summary>
/// ReLU, Sigmoid, Tanh and Softmax (<c>ActivationFunctions.Classic.cs</c>), forward and backward, against the formulas
/// in double evaluated at the same float inputs, over lengths 0, 1, 7, 8, 9, 17, 33 (empty, scalar only, below one
/// vector, one vector, a vector plus tail, ...) and Softmax rows of width 1, 3, 10 (plus 17 and 33: vectors inside a row).
/// Bounds are counts of float roundings, u = 2^-24 each; TensorPrimitives' exp and tanh are taken as within 2u.
/// </summary>
public class ClassicActivationTests
{
    private const double U = 1.0 / (1 << 24);
    private static readonly int[] Lengths = [0, 1, 7, 8, 9, 17, 33];

    public static TheoryData<int> LengthData() => new(Lengths);

    // Sigmoid's forward pass throws on empty spans (see Sigmoid_EmptySpans_AreANoOp).
    public static TheoryData<int> NonEmptyLengthData() => new(Lengths.Where(n => n > 0));

    public static TheoryData<int, int> SoftmaxData()
    {
        var data = new TheoryData<int, int>();
        foreach (int width in new[] { 1, 3, 10, 17, 33 })
        {
            foreach (int rows in Lengths)
            {
                data.Add(width, rows);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LengthData))]
    public void ReLU_ForwardAndBackward_AreExact(int length)
    {
        float[] z = Inputs(length, 1);
        float[] a = Filled(length, float.NaN);
        float[] upstream = Uniform(new Random(length), length, -3, 3);
        float[] gradients = (float[])upstream.Clone();

        ActivationFunctions.ReLU(z, a);
        ActivationFunctions.ReLUBackward(a, gradients);

        for (int i = 0; i < length; i++)
        {
            // max(0, z): +0 for z = -0 (PyTorch's relu(-0.) is 0.); the gradient passes where a > 0 only.
            Assert.Equal(BitConverter.SingleToInt32Bits(z[i] > 0 ? z[i] : 0f), BitConverter.SingleToInt32Bits(a[i]));
            Assert.Equal(BitConverter.SingleToInt32Bits(z[i] > 0 ? upstream[i] : 0f), BitConverter.SingleToInt32Bits(gradients[i]));
        }
    }

    /// <summary>
    /// Forward: 1/(1 + e^-z) from a 2u exponential, a rounded sum and a rounded quotient: within 4u relative, bound 8u.
    /// Backward: g·a·(1 - a), three roundings (1 - a is exact for a ≥ 1/2): bound 4u relative to the value at the float a.
    /// </summary>
    [Theory]
    [MemberData(nameof(NonEmptyLengthData))]
    public void Sigmoid_ForwardAndBackward_MatchTheFormula(int length)
    {
        float[] z = Inputs(length, 2);
        float[] a = Filled(length, float.NaN);
        float[] upstream = Uniform(new Random(length + 1), length, -3, 3);
        float[] gradients = (float[])upstream.Clone();

        ActivationFunctions.Sigmoid(z, a);
        ActivationFunctions.SigmoidBackward(a, gradients);

        for (int i = 0; i < length; i++)
        {
            double expected = 1 / (1 + Math.Exp(-(double)z[i]));
            AssertWithin(a[i], expected, 8 * U * expected, $"Sigmoid({z[i]:R})");
            double derivative = (double)upstream[i] * a[i] * (1 - (double)a[i]);
            AssertWithin(gradients[i], derivative, 4 * U * Math.Abs(derivative), $"SigmoidBackward at a = {a[i]:R}");
        }
    }

    /// <summary>
    /// Forward: TensorPrimitives.Tanh's vector path is accurate to about 1.25u·(1 + |tanh z|) in absolute terms, not
    /// relative ones (measured over 2^20 points: tanh(0) = -2^-24, see Tanh_IsOddAndExactAtZero); bound 2u·(1 + |tanh z|).
    /// Backward: g·(1 - a²) with a² rounded (u·a²), the difference rounded (u·|1 - a²|) and the product rounded:
    /// |error| ≤ u·|g|·(a² + 2·|1 - a²|), bound twice that.
    /// </summary>
    [Theory]
    [MemberData(nameof(LengthData))]
    public void Tanh_ForwardAndBackward_MatchTheFormula(int length)
    {
        float[] z = Inputs(length, 3);
        float[] a = Filled(length, float.NaN);
        float[] upstream = Uniform(new Random(length + 2), length, -3, 3);
        float[] gradients = (float[])upstream.Clone();

        ActivationFunctions.Tanh(z, a);
        ActivationFunctions.TanhBackward(a, gradients);

        for (int i = 0; i < length; i++)
        {
            double expected = Math.Tanh(z[i]);
            AssertWithin(a[i], expected, 2 * U * (1 + Math.Abs(expected)), $"Tanh({z[i]:R})");
            double square = (double)a[i] * a[i];
            double derivative = upstream[i] * (1 - square);
            AssertWithin(gradients[i], derivative, 2 * U * Math.Abs(upstream[i]) * (square + (2 * Math.Abs(1 - square))), $"TanhBackward at a = {a[i]:R}");
        }
    }

    /// <summary>
    /// Forward: z - max rounded (u·|z_k - max| on the exponent), exp within 2u, the row's float sum (w - 1 roundings),
    /// the quotient: p_k within ((w + 2) + |z_k - max|)·u relative; bound twice that.
    /// Backward: p ⊙ (d - Σ d_j p_j): the dot product within w·u·Σ|d_j p_j|, the difference and the product one rounding
    /// each: |error| ≤ u·p_k·(w·Σ|d_j p_j| + 2·|d_k - Σ d_j p_j|) (plus the error of the float p it reads, not counted:
    /// the reference uses the same p); bound twice that.
    /// </summary>
    [Theory]
    [MemberData(nameof(SoftmaxData))]
    public void Softmax_ForwardAndBackward_MatchTheFormula(int width, int rows)
    {
        var random = new Random((width * 100) + rows);
        float[] logits = Uniform(random, rows * width, -10, 10);
        float[] p = Filled(rows * width, float.NaN);
        float[] upstream = Uniform(random, rows * width, -2, 2);
        float[] gradients = (float[])upstream.Clone();

        ActivationFunctions.Softmax(logits, p, width);
        ActivationFunctions.SoftmaxBackward(p, gradients, width);

        for (int row = 0; row < rows; row++)
        {
            int start = row * width;
            double max = logits.Skip(start).Take(width).Max();
            double sum = 0, dot = 0, dotMagnitude = 0;
            for (int k = start; k < start + width; k++)
            {
                sum += Math.Exp(logits[k] - max);
                dot += (double)upstream[k] * p[k];
                dotMagnitude += Math.Abs((double)upstream[k] * p[k]);
            }

            for (int k = start; k < start + width; k++)
            {
                double expected = Math.Exp(logits[k] - max) / sum;
                AssertWithin(p[k], expected, 2 * U * expected * (width + 2 + (max - logits[k])), $"Softmax width {width}, row {row}: p[{k - start}]");
                double derivative = p[k] * (upstream[k] - dot);
                double bound = 2 * U * p[k] * ((width * dotMagnitude) + (2 * Math.Abs(upstream[k] - dot)));
                AssertWithin(gradients[k], derivative, bound, $"SoftmaxBackward width {width}, row {row}: gradients[{k - start}]");
            }
        }
    }

    [Fact]
    public void Softmax_WidthOne_IsOne_AndItsGradientZero()
    {
        float[] logits = [-3e38f, 0f, 5f, 3e38f];
        float[] p = new float[4];
        float[] gradients = [1f, -2f, 3f, 4f];

        ActivationFunctions.Softmax(logits, p, 1);
        ActivationFunctions.SoftmaxBackward(p, gradients, 1);

        Assert.Equal([1f, 1f, 1f, 1f], p);
        Assert.Equal([0f, 0f, 0f, 0f], gradients);
    }

    [Fact]
    public void ExtremeInputs_StayFiniteAndInRange()
    {
        float[] z = [3e38f, -3e38f, 1e30f, -1e30f, 100f, -100f, float.MaxValue, float.MinValue, 0f];
        float[] a = new float[z.Length];

        ActivationFunctions.Sigmoid(z, a);
        Assert.Equal([1f, 0f, 1f, 0f, 1f, 0f, 1f, 0f, 0.5f], a.Select(v => MathF.Round(v, 6)).ToArray());
        Assert.All(a, v => Assert.InRange(v, 0f, 1f));

        ActivationFunctions.Tanh(z, a);
        Assert.Equal([1f, -1f, 1f, -1f, 1f, -1f, 1f, -1f], a[..8]);
        Assert.InRange(a[8], -2e-7f, 2e-7f); // tanh(0): see Tanh_IsOddAndExactAtZero

        // Softmax: logits ±3e38 apart give one-hot rows; equal extreme logits share the mass.
        float[] logits = [3e38f, -3e38f, 0f, -3e38f, -3e38f, -3e38f, float.MaxValue, float.MaxValue, float.MinValue];
        float[] p = new float[9];
        ActivationFunctions.Softmax(logits, p, 3);
        Assert.Equal([1f, 0f, 0f, 1f / 3, 1f / 3, 1f / 3, 0.5f, 0.5f, 0f], p);
    }

    [Fact]
    public void EmptySpans_AreANoOp()
    {
        float[] buffer = [5f, 5f, 5f];
        ActivationFunctions.ReLU([], []);
        ActivationFunctions.ReLUBackward(buffer.AsSpan(1, 0), buffer.AsSpan(1, 0));
        ActivationFunctions.SigmoidBackward(buffer.AsSpan(3, 0), buffer.AsSpan(0, 0));
        ActivationFunctions.Tanh(buffer.AsSpan(0, 0), buffer.AsSpan(0, 0));
        ActivationFunctions.TanhBackward([], buffer.AsSpan(2, 0));
        ActivationFunctions.Softmax(buffer.AsSpan(1, 0), buffer.AsSpan(1, 0), 3);
        ActivationFunctions.SoftmaxBackward([], buffer.AsSpan(3, 0), 1);
        Assert.Equal([5f, 5f, 5f], buffer);
    }

    /// <summary>
    /// Kernel bug: every other activation (and Sigmoid's backward pass) treats empty spans as a no-op, but
    /// <c>ActivationFunctions.Sigmoid([], [])</c> throws <c>ArgumentException("Input span arguments must not be empty.")</c>
    /// from TensorPrimitives.Sigmoid, which rejects empty input; Sigmoid's documentation promises no such exception.
    /// </summary>
    [Fact]
    public void Sigmoid_EmptySpans_AreANoOp()
    {
        ActivationFunctions.Sigmoid([], []);
    }

    /// <summary>
    /// Accuracy defect inherited from System.Numerics.Tensors' vectorised TensorPrimitives.Tanh: its error is absolute
    /// (about 2^-24) rather than relative, so tanh(0) = -5.96e-8, tanh(-0) = +5.96e-8 (the sign flipped),
    /// tanh(1e-7) = 5.96e-8 and tanh(1e-3) is 2.7e-5 off relatively, while a span short enough for the scalar path gives
    /// 0 for tanh(0): an element's value depends on the length of its span. tanh is odd and tanh(z) = z·(1 + O(z²)).
    /// </summary>
    [Fact]
    public void Tanh_IsOddAndExactAtZero()
    {
        float[] z = [0f, -0f, 1e-7f, -1e-7f, 1e-3f, -1e-3f, 0.01f, -0.01f, 0.5f];
        float[] a = new float[z.Length];

        ActivationFunctions.Tanh(z, a);

        Assert.Equal(BitConverter.SingleToInt32Bits(0f), BitConverter.SingleToInt32Bits(a[0]));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(a[1]));
        for (int i = 2; i < z.Length; i++)
        {
            double expected = Math.Tanh(z[i]);
            AssertWithin(a[i], expected, 4 * U * Math.Abs(expected), $"Tanh({z[i]:R})");
        }
    }

    [Fact]
    public void InPlace_GivesTheSameBits()
    {
        float[] z = Inputs(33, 4);
        foreach ((string name, Action<float[], float[]> forward) in new (string, Action<float[], float[]>)[]
        {
            ("ReLU", (x, y) => ActivationFunctions.ReLU(x, y)),
            ("Sigmoid", (x, y) => ActivationFunctions.Sigmoid(x, y)),
            ("Tanh", (x, y) => ActivationFunctions.Tanh(x, y)),
            ("Softmax", (x, y) => ActivationFunctions.Softmax(x, y, 11)),
        })
        {
            float[] separate = new float[z.Length];
            forward(z, separate);
            float[] inPlace = (float[])z.Clone();
            forward(inPlace, inPlace);
            Assert.True(separate.AsSpan().SequenceEqual(inPlace), name);
        }
    }

    [Fact]
    public void InvalidSpans_ThrowNamingTheParameter()
    {
        float[] five = new float[5], four = new float[4], buffer = new float[12];
        AssertRejects("a", () => ActivationFunctions.ReLU(five, four));
        AssertRejects("gradients", () => ActivationFunctions.ReLUBackward(five, four));
        AssertRejects("a", () => ActivationFunctions.Sigmoid(four, five));
        AssertRejects("gradients", () => ActivationFunctions.SigmoidBackward(four, five));
        AssertRejects("a", () => ActivationFunctions.Tanh(five, four));
        AssertRejects("gradients", () => ActivationFunctions.TanhBackward(five, four));
        AssertRejects("probabilities", () => ActivationFunctions.Softmax(four, five, 1));
        AssertRejects("gradients", () => ActivationFunctions.SoftmaxBackward(four, five, 1));
        AssertRejects("a", () => ActivationFunctions.ReLU(buffer.AsSpan(0, 6), buffer.AsSpan(1, 6)));
        AssertRejects("gradients", () => ActivationFunctions.TanhBackward(buffer.AsSpan(2, 6), buffer.AsSpan(0, 6)));
        AssertRejects("probabilities", () => ActivationFunctions.Softmax(buffer.AsSpan(0, 6), buffer.AsSpan(3, 6), 3));
        AssertRejects("width", () => ActivationFunctions.Softmax(five, five, 2));
        AssertRejects("width", () => ActivationFunctions.Softmax(four, four, 0));
        AssertRejects("width", () => ActivationFunctions.SoftmaxBackward(five, five, 3));
        AssertRejects("width", () => ActivationFunctions.SoftmaxBackward(four, four, -1));
    }

    private static void AssertRejects(string parameter, Action call)
    {
        var exception = Assert.Throws<ArgumentException>(call);
        Assert.Equal(parameter, exception.ParamName);
    }

    private static void AssertWithin(float actual, double expected, double bound, string what)
    {
        double error = Math.Abs(actual - expected);
        if (!(error <= bound))
        {
            Assert.Fail($"{what} = {actual:R}, expected {expected:R}: error {error:G3} > bound {bound:G3}");
        }
    }

    // Ordinary values in [-6, 6] with 0 and -0 among them.
    private static float[] Inputs(int length, int seed)
    {
        float[] z = Uniform(new Random(seed * 1000 + length), length, -6, 6);
        for (int i = 0; i < length; i += 5)
        {
            z[i] = i % 10 == 0 ? 0f : -0f;
        }

        return z;
    }

    private static float[] Filled(int length, float value) => Enumerable.Repeat(value, length).ToArray();

    private static float[] Uniform(Random random, int length, double min, double max)
    {
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(min + (random.NextDouble() * (max - min)));
        }

        return values;
    }
}
