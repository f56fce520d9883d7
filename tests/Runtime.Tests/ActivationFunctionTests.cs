using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace StaticNet.Tests;

public class ActivationFunctionTests
{
    private delegate void ForwardFunction(ReadOnlySpan<float> z, Span<float> a);

    private delegate void BackwardFunction(ReadOnlySpan<float> z, Span<float> gradients);

    // One activation under test: the runtime's forward and backward, and the definition in double, written
    // independently of the runtime (plain formulas; erf from its own series below).
    private sealed record Case(ForwardFunction Forward, BackwardFunction Backward, Func<double, double> Reference, double[] Kinks);

    private const float Slope = 0.2f;  // not PyTorch's 0.01, so a slope applied twice or not at all shows
    private const float Alpha = 1.5f;  // not 1, so α·e^z and e^z differ

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["LeakyReLU"] = new(
            (z, a) => ActivationFunctions.LeakyReLU(z, a, Slope),
            (z, g) => ActivationFunctions.LeakyReLUBackward(z, g, Slope),
            z => z > 0 ? z : Slope * z,
            [0]),
        ["ELU"] = new(
            (z, a) => ActivationFunctions.ELU(z, a, Alpha),
            (z, g) => ActivationFunctions.ELUBackward(z, g, Alpha),
            z => z > 0 ? z : Alpha * (Math.Exp(z) - 1),
            [0]),
        ["GELU"] = new(ActivationFunctions.GELU, ActivationFunctions.GELUBackward, z => 0.5 * z * (1 + SeriesErf(z / Math.Sqrt(2))), []),
        ["GELUTanh"] = new(
            ActivationFunctions.GELUTanh,
            ActivationFunctions.GELUTanhBackward,
            z => 0.5 * z * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z))),
            []),
        ["SiLU"] = new(ActivationFunctions.SiLU, ActivationFunctions.SiLUBackward, z => z / (1 + Math.Exp(-z)), []),
        ["Softplus"] = new(ActivationFunctions.Softplus, ActivationFunctions.SoftplusBackward, z => z > 20 ? z : Math.Log(1 + Math.Exp(z)), [20]),
        ["Softsign"] = new(ActivationFunctions.Softsign, ActivationFunctions.SoftsignBackward, z => z / (1 + Math.Abs(z)), []),
        ["HardSigmoid"] = new(
            ActivationFunctions.HardSigmoid,
            ActivationFunctions.HardSigmoidBackward,
            z => z <= -3 ? 0 : z >= 3 ? 1 : z / 6 + 0.5,
            [-3, 3]),
        ["HardSwish"] = new(
            ActivationFunctions.HardSwish,
            ActivationFunctions.HardSwishBackward,
            z => z <= -3 ? 0 : z >= 3 ? z : z * (z + 3) / 6,
            [-3, 3]),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    // 21 points: more than one vector of any width plus a scalar tail; away from every kink (±1e-3 around 0 is 100 steps h away).
    private static readonly float[] Points =
    [
        -4.2f, -2.9f, -1.6f, -0.8f, -0.3f, -0.05f, -1e-3f, 1e-3f, 0.05f, 0.4f, 1.1f,
        2.2f, 2.9f, 3.3f, 4.6f, 9f, 17f, 19.5f, 25f, -3.5f, 0.7f,
    ];

    private static readonly float[] Extremes =
    [
        1e4f, -1e4f, 1e30f, -1e30f, 0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue,
        1e-30f, -1e-30f, 1.17549435e-38f, 88.8f, -88.8f, 89f, -104f, 710f, -710f,
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_MatchesTheFormulaInDouble(string name)
    {
        Case c = Cases[name];
        float[] a = new float[Points.Length];

        c.Forward(Points, a);

        for (int i = 0; i < Points.Length; i++)
        {
            double expected = c.Reference(Points[i]);
            Assert.True(
                Math.Abs(a[i] - expected) <= 1e-6 * Math.Abs(expected),
                $"{name}({Points[i]:R}) = {a[i]:R}, expected {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_MatchesCentralDifferenceOfTheFormula(string name)
    {
        Case c = Cases[name];
        float[] upstream = Points.Select((_, i) => 0.5f + 0.25f * i).ToArray(); // not 1: backward must multiply
        float[] gradients = (float[])upstream.Clone();

        c.Backward(Points, gradients);

        for (int i = 0; i < Points.Length; i++)
        {
            double z = Points[i];
            double h = 1e-5 * Math.Max(1, Math.Abs(z));
            Assert.DoesNotContain(c.Kinks, k => Math.Abs(z - k) < 10 * h); // z ± h stays on one side of every kink
            double numeric = upstream[i] * (c.Reference(z + h) - c.Reference(z - h)) / (2 * h);
            double error = Math.Abs(gradients[i] - numeric) / Math.Max(Math.Max(Math.Abs(gradients[i]), Math.Abs(numeric)), 1e-8);
            Assert.True(error <= 1e-4, $"{name}'({z:R}) * {upstream[i]} = {gradients[i]:R}, central difference {numeric:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void VectorAndScalarPaths_AgreeBitForBit(string name)
    {
        Case c = Cases[name];
        var random = new Random(7);
        float[] z = new float[203];
        for (int i = 0; i < z.Length; i++)
        {
            // Mostly ordinary values, with the kinks and their neighbours mixed in.
            z[i] = (i % 7) switch
            {
                0 => 0f,
                1 => 3f,
                2 => -3f,
                3 => MathF.BitIncrement(3f),
                4 => MathF.BitDecrement(-3f),
                _ => (float)(random.NextDouble() * 16 - 8),
            };
        }

        float[] a = new float[z.Length];
        float[] gradients = Enumerable.Repeat(-1.25f, z.Length).ToArray();
        c.Forward(z, a);
        c.Backward(z, gradients);

        for (int i = 0; i < z.Length; i++)
        {
            float[] one = new float[1];
            float[] gradient = [-1.25f];
            c.Forward(z.AsSpan(i, 1), one);
            c.Backward(z.AsSpan(i, 1), gradient);
            Assert.Equal(BitConverter.SingleToInt32Bits(one[0]), BitConverter.SingleToInt32Bits(a[i]));
            Assert.Equal(BitConverter.SingleToInt32Bits(gradient[0]), BitConverter.SingleToInt32Bits(gradients[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ExtremeInputs_GiveFiniteValuesAndDerivatives(string name)
    {
        Case c = Cases[name];
        float[] a = new float[Extremes.Length];
        float[] gradients = Enumerable.Repeat(1f, Extremes.Length).ToArray();

        c.Forward(Extremes, a);
        c.Backward(Extremes, gradients);

        for (int i = 0; i < Extremes.Length; i++)
        {
            Assert.True(float.IsFinite(a[i]), $"{name}({Extremes[i]:R}) = {a[i]:R}");
            Assert.True(float.IsFinite(gradients[i]), $"{name}'({Extremes[i]:R}) = {gradients[i]:R}");
        }
    }

    [Theory]
    [InlineData("GELU")]
    [InlineData("GELUTanh")]
    [InlineData("SiLU")]
    public void SmoothReLUs_TendToReLU(string name)
    {
        (float[] a, float[] d) = Evaluate(name, 1e4f, -1e4f, 1e30f, -1e30f, float.MaxValue, float.MinValue);

        Assert.Equal([1e4f, 0f, 1e30f, 0f, float.MaxValue, 0f], a);
        Assert.Equal([1f, 0f, 1f, 0f, 1f, 0f], d);
        Assert.True(float.IsNegative(a[1]), "f(-1e4) is -0, as z·Φ(z) is in PyTorch");
    }

    [Fact]
    public void Softplus_Limits()
    {
        (float[] a, float[] d) = Evaluate("Softplus", 1e4f, -1e4f, 1e30f, -1e30f, 20f, MathF.BitIncrement(20f), -40f, -80f);

        Assert.Equal(1e4f, a[0]);
        Assert.True(a[1] >= 0f && a[1] < 1e-38f, $"Softplus(-1e4) = {a[1]:R}");
        Assert.Equal(1e30f, a[2]);
        Assert.True(a[3] >= 0f && a[3] < 1e-38f);
        Assert.Equal(20f, a[4]);                                // log1p(e^20) = 20 + 2e-9 rounds to 20
        Assert.Equal(MathF.BitIncrement(20f), a[5]);            // above the threshold: the identity
        AssertRelative(4.248354255291589e-18, a[6], 1e-6);      // log1p(e^-40) (mpmath); log(1 + e^z) in double gives 0
        AssertRelative(1.8048513878454152e-35, a[7], 1e-6);     // log1p(e^-80) (mpmath)
        Assert.Equal([1f, 0f, 1f, 0f, 1f, 1f], d[..6]);
        AssertRelative(4.248354255291589e-18, d[6], 1e-6);      // σ(-40)
    }

    [Fact]
    public void ELU_Limits()
    {
        (float[] a, float[] d) = Evaluate("ELU", 1e30f, -1e4f, -1e30f, -1e-7f, -float.Epsilon);

        Assert.Equal(1e30f, a[0]);
        Assert.Equal(-Alpha, a[1]);
        Assert.Equal(-Alpha, a[2]);
        AssertRelative(Alpha * -9.9999996168609792e-8, a[3], 1e-6); // α·expm1(-1e-7f) (mpmath): e^z - 1 in float is off by ~1
        Assert.Equal(-2 * float.Epsilon, a[4]);                      // α·expm1(-ε) = -1.5ε exactly, rounded to even
        Assert.Equal([1f, 0f, 0f], d[..3]);
        Assert.Equal(Alpha, d[4]);
    }

    [Fact]
    public void Tails_MatchHighPrecisionValues()
    {
        // Values from mpmath at 40 digits. In float arithmetic, or with 1 + erf and 1 + tanh in double, these are 0 or noise.
        (float[] gelu, float[] dgelu) = Evaluate("GELU", -10f, -5f);
        AssertRelative(-7.6198530241605261e-23, gelu[0], 1e-6);
        AssertRelative(-1.4332578593959696e-6, gelu[1], 1e-6);
        AssertRelative(-7.6184000964648141e-22, dgelu[0], 1e-6);
        AssertRelative(-7.1469460017922946e-6, dgelu[1], 1e-6);

        (float[] geluTanh, _) = Evaluate("GELUTanh", -10f, -5f);
        AssertRelative(-1.204092348209806e-37, geluTanh[0], 1e-5); // near the bottom of the normal floats
        AssertRelative(-2.291796196629506e-7, geluTanh[1], 1e-6);

        (float[] silu, float[] dsilu) = Evaluate("SiLU", -50f, 30f);
        AssertRelative(-9.6437492398195889e-21, silu[0], 1e-6);
        AssertRelative(-9.4508742550231971e-21, dsilu[0], 1e-6);
        AssertRelative(1.0000000000027137, dsilu[1], 1e-7);
    }

    [Fact]
    public void Softsign_Limits()
    {
        (float[] a, float[] d) = Evaluate("Softsign", 1e30f, -1e30f, float.MaxValue, 0f, -0f);

        Assert.Equal([1f, -1f, 1f, 0f, 0f], a);
        Assert.True(float.IsNegative(a[4]));
        Assert.Equal([0f, 0f, 0f, 1f, 1f], d);
    }

    [Fact]
    public void LeakyReLU_AtZero_UsesTheNegativeSlope()
    {
        // PyTorch: forward z > 0 ? z : slope·z; leaky_relu_backward z > 0 ? g : g·slope, so f'(0) = slope.
        (float[] a, float[] d) = Evaluate("LeakyReLU", 0f, -0f, float.Epsilon, -float.Epsilon, -1e30f);

        Assert.Equal([0f, 0f, float.Epsilon, 0f, -1e30f * Slope], a);
        Assert.Equal([Slope, Slope, 1f, Slope, Slope], d);
    }

    [Fact]
    public void ELU_AtZero_DerivativeIsAlpha()
    {
        // PyTorch elu_backward tests z <= 0, so f'(0) = α·e^0 = α, not 1.
        (float[] a, float[] d) = Evaluate("ELU", 0f, -0f, float.Epsilon);

        Assert.Equal([0f, 0f, float.Epsilon], a);
        Assert.Equal([Alpha, Alpha, 1f], d);
    }

    [Fact]
    public void HardSigmoid_AtTheKinks_DerivativeIsZero()
    {
        float below = MathF.BitDecrement(-3f), above = MathF.BitIncrement(3f);
        (float[] a, float[] d) = Evaluate("HardSigmoid", -3f, 3f, MathF.BitIncrement(-3f), MathF.BitDecrement(3f), below, above, 0f);

        Assert.Equal(0f, a[0]);
        Assert.Equal(1f, a[1]);
        Assert.Equal(0f, a[4]);
        Assert.Equal(1f, a[5]);
        Assert.Equal(0.5f, a[6]);
        // hardsigmoid_backward: f' = 1/6 on the open interval (-3, 3) only.
        Assert.Equal([0f, 0f, 1f / 6f, 1f / 6f, 0f, 0f, 1f / 6f], d);
    }

    [Fact]
    public void HardSwish_AtTheKinks_UsesPyTorchsOneSidedDerivatives()
    {
        float below = MathF.BitDecrement(-3f), above = MathF.BitIncrement(3f);
        (float[] a, float[] d) = Evaluate("HardSwish", -3f, 3f, below, above, 0f, 1e30f, float.MaxValue, -1e30f);

        Assert.Equal([0f, 3f, 0f, above, 0f, 1e30f, float.MaxValue, 0f], a);
        // hardswish_backward (PyTorch >= 2.7, pytorch/pytorch#148049): z <= -3 -> 0; z < 3 -> z/3 + 1/2; else 1.
        Assert.Equal([0f, 1f, 0f, 1f, 0.5f, 1f, 1f, 0f], d);
    }

    [Fact]
    public void ZeroDerivative_ZeroesTheGradientEvenWhenItIsNotFinite()
    {
        // PyTorch's hard backward kernels return 0 there rather than multiplying by 0.
        float[] z = [-5f, 5f];
        float[] sigmoidGradients = [float.PositiveInfinity, float.NaN];
        float[] swishGradients = [float.NaN, 2f];

        ActivationFunctions.HardSigmoidBackward(z, sigmoidGradients);
        ActivationFunctions.HardSwishBackward(z, swishGradients);

        Assert.Equal([0f, 0f], sigmoidGradients);
        Assert.Equal([0f, 2f], swishGradients);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void InPlace_SameArrayForZAndA_GivesTheSameResult(string name)
    {
        Case c = Cases[name];
        float[] separate = new float[Points.Length];
        c.Forward(Points, separate);

        float[] inPlace = (float[])Points.Clone();
        c.Forward(inPlace, inPlace);

        Assert.Equal(separate, inPlace);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void LengthMismatch_ThrowsNamingTheParameter(string name)
    {
        Case c = Cases[name];

        var forward = Assert.Throws<ArgumentException>(() => c.Forward(new float[5], new float[4]));
        var backward = Assert.Throws<ArgumentException>(() => c.Backward(new float[5], new float[6]));

        Assert.Equal("a", forward.ParamName);
        Assert.Contains("Expected 5 elements", forward.Message);
        Assert.Equal("gradients", backward.ParamName);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void PartialOverlap_Throws(string name)
    {
        Case c = Cases[name];
        float[] buffer = new float[20];

        var exception = Assert.Throws<ArgumentException>(() => c.Forward(buffer.AsSpan(0, 10), buffer.AsSpan(1, 10)));

        Assert.Equal("a", exception.ParamName);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EmptySpans_AreANoOp(string name)
    {
        Case c = Cases[name];
        const float Sentinel = 12345f;
        float[] z = (float[])Points.Clone();
        float[] a = Enumerable.Repeat(Sentinel, Points.Length).ToArray();
        float[] gradients = Enumerable.Repeat(Sentinel, Points.Length).ToArray();

        // Default spans, then empty slices at the start, inside and at the end of filled arrays: a vector or scalar loop
        // that ran once too often would write to (or, in place, change) a neighbour of the empty slice.
        Assert.Null(Record.Exception(() => c.Forward([], [])));
        Assert.Null(Record.Exception(() => c.Backward([], [])));
        foreach (int start in new[] { 0, 7, Points.Length })
        {
            Assert.Null(Record.Exception(() => c.Forward(z.AsSpan(start, 0), a.AsSpan(start, 0))));
            Assert.Null(Record.Exception(() => c.Backward(z.AsSpan(start, 0), gradients.AsSpan(start, 0))));
            Assert.Null(Record.Exception(() => c.Forward(a.AsSpan(start, 0), a.AsSpan(start, 0))));
        }

        Assert.Equal(Points, z);
        Assert.All(a, value => Assert.Equal(Sentinel, value));
        Assert.All(gradients, value => Assert.Equal(Sentinel, value));
    }

    [Fact]
    public void ForwardAndBackward_AllocateNothing()
    {
        float[] z = Points;
        float[] a = new float[z.Length];
        float[] gradients = new float[z.Length];
        RunAll(z, a, gradients); // JIT and static initialisation first

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunAll(z, a, gradients);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    // Direct calls: the Cases table's lambdas would not allocate either, but this keeps delegates out of the measurement.
    private static void RunAll(float[] z, float[] a, float[] g)
    {
        ActivationFunctions.LeakyReLU(z, a, Slope);
        ActivationFunctions.LeakyReLUBackward(z, g, Slope);
        ActivationFunctions.ELU(z, a, Alpha);
        ActivationFunctions.ELUBackward(z, g, Alpha);
        ActivationFunctions.GELU(z, a);
        ActivationFunctions.GELUBackward(z, g);
        ActivationFunctions.GELUTanh(z, a);
        ActivationFunctions.GELUTanhBackward(z, g);
        ActivationFunctions.SiLU(z, a);
        ActivationFunctions.SiLUBackward(z, g);
        ActivationFunctions.Softplus(z, a);
        ActivationFunctions.SoftplusBackward(z, g);
        ActivationFunctions.Softsign(z, a);
        ActivationFunctions.SoftsignBackward(z, g);
        ActivationFunctions.HardSigmoid(z, a);
        ActivationFunctions.HardSigmoidBackward(z, g);
        ActivationFunctions.HardSwish(z, a);
        ActivationFunctions.HardSwishBackward(z, g);
    }

    // ---- erf ----

    [Theory]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(-3.0, -0.9999779095030014)]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(0.46875, 0.49261347321793797)]
    [InlineData(4.0, 0.9999999845827421)]
    [InlineData(-6.0, -1.0)]
    public void Erf_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, ActivationFunctions.Erf(x), 1e-7);
        Assert.True(Math.Abs(ActivationFunctions.Erf(x) - expected) <= 1e-15, $"erf({x}) = {ActivationFunctions.Erf(x):R}");
    }

    [Theory]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(20.0, 5.3958656116079005e-176)]
    [InlineData(0.3, 0.6713732405408726)]
    [InlineData(-1.0, 1.842700792949715)]
    public void Erfc_KnownValues_WithFullRelativeAccuracyInTheTail(double x, double expected)
    {
        AssertRelative(expected, ActivationFunctions.Erfc(x), 1e-13);
    }

    [Fact]
    public void Erf_MatchesItsSeriesOnAGrid()
    {
        for (double x = -6; x <= 6; x += 0.01)
        {
            double expected = SeriesErf(x);
            double actual = ActivationFunctions.Erf(x);
            Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Abs(expected) + 1e-300, $"erf({x:R}) = {actual:R}, series {expected:R}");
            Assert.Equal(-actual, ActivationFunctions.Erf(-x));
        }
    }

    [Fact]
    public void Erf_SpecialValues()
    {
        Assert.Equal(1.0, ActivationFunctions.Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, ActivationFunctions.Erf(double.NegativeInfinity));
        Assert.True(double.IsNegative(ActivationFunctions.Erf(-0.0)));
        Assert.True(double.IsNaN(ActivationFunctions.Erf(double.NaN)));
        Assert.Equal(2 / Math.Sqrt(Math.PI) * 1e-300, ActivationFunctions.Erf(1e-300), 1e-315);
        Assert.Equal(0.0, ActivationFunctions.Erfc(30));
        Assert.Equal(2.0, ActivationFunctions.Erfc(double.NegativeInfinity));
        Assert.Equal(1.0, ActivationFunctions.Erfc(0));
    }

    // erf(x) = 2/√π·e^(-x²)·Σ_n x(2x²)^n / (2n+1)!! (Abramowitz & Stegun 7.1.6): every term is positive, so the sum
    // does not cancel, unlike the alternating Taylor series.
    private static double SeriesErf(double x)
    {
        double term = x, sum = x;
        for (int n = 1; Math.Abs(term) > 1e-17 * Math.Abs(sum); n++)
        {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }

        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
    }

    private static (float[] Values, float[] Derivatives) Evaluate(string name, params float[] z)
    {
        Case c = Cases[name];
        float[] a = new float[z.Length];
        float[] d = Enumerable.Repeat(1f, z.Length).ToArray();
        c.Forward(z, a);
        c.Backward(z, d);
        return (a, d);
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{actual:R}, expected {expected:R}");
}
