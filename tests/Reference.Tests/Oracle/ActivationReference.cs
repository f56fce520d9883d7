using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using TorchSharp.Modules;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests.Oracle;

/// <summary>A runtime activation under test: its forward and backward methods and torch's definition.</summary>
/// <param name="Name">For reports, e.g. <c>LeakyReLU(0.2)</c>.</param>
/// <param name="Forward"><c>a = f(z)</c> (an <see cref="ActivationFunctions"/> forward method).</param>
/// <param name="Backward"><c>g ← g·f'(z)</c> (the matching backward method).</param>
/// <param name="Torch">torch's functional, applied to a float64 tensor (autograd gives the derivative).</param>
/// <param name="Stable">
/// Where torch's own float64 evaluation cancels (see <see cref="ActivationReference"/>): the same function written in
/// torch without the cancellation, and the inputs for which it replaces <paramref name="Torch"/>.
/// </param>
public sealed record ActivationUnderTest(
    string Name,
    ActivationUnderTest.ForwardMethod Forward,
    ActivationUnderTest.BackwardMethod Backward,
    Func<Tensor, Tensor> Torch,
    (Func<Tensor, Tensor> Function, Func<double, bool> Where, string Why)? Stable = null)
{
    /// <summary>An <see cref="ActivationFunctions"/> forward method with its parameter bound.</summary>
    public delegate void ForwardMethod(ReadOnlySpan<float> z, Span<float> a);

    /// <summary>An <see cref="ActivationFunctions"/> backward method with its parameter bound.</summary>
    public delegate void BackwardMethod(ReadOnlySpan<float> z, Span<float> gradients);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// Checks <see cref="ActivationFunctions"/> (float32) against torch (float64, on the same float32 inputs): the forward
/// value <c>f(z)</c> and, through autograd, <c>g·f'(z)</c> for a random upstream gradient g.
/// <para>
/// Tolerance: <c>|a - b| ≤ max(1e-5·max(|a|,|b|), 2^-126)</c>. The relative part is the project's usual 1e-5; the
/// absolute floor is FLT_MIN ≈ 1.18e-38, the smallest normal float32: below it float32 is subnormal (a result of
/// 1e-40 carries only ~3 significant digits, one of 1e-45 none), so no float32 implementation can promise relative
/// accuracy there, and flushing such a value to 0 is not an error the test should report. Anything that a wrong
/// formula, a wrong kink or an overflow produces is far above it.
/// </para>
/// <para>
/// Reference accuracy: torch's float64 functionals are exact to ~1e-16 relative except where their own formula cancels.
/// Three such places are evaluated by torch in an equal form that does not cancel (each documented where it is
/// declared, and cross-checked against torch's functional where both are accurate): GELU's and GELU-tanh's left tails
/// (<c>1 + erf(z/√2)</c> and <c>1 + tanh(u)</c> lose all digits below z ≈ -8, both are 0 in float64 at z = -10 where
/// the true values are -7.6e-23 and -1.6e-37, representable float32 numbers), and Softsign's derivative for |z| &gt; 1e4
/// (autograd of <c>z/(1+|z|)</c> subtracts two terms of size 1/|z| to get 1/(1+|z|)²).
/// </para>
/// </summary>
public static class ActivationReference
{
    /// <summary>Relative tolerance.</summary>
    public const double Relative = 1e-5;

    /// <summary>Absolute floor: FLT_MIN, the smallest normal float32.</summary>
    public const double AbsoluteFloor = 1.1754943508222875e-38;

    private const double InverseSqrt2 = 0.70710678118654752440;
    private const double GeluTanhScale = 0.79788456080286535588; // √(2/π)

    /// <summary>Every runtime activation with every parameter value tested.</summary>
    public static IEnumerable<ActivationUnderTest> All()
    {
        foreach (float slope in new[] { 0.01f, 0.2f, 0f, -0.3f })
        {
            yield return new($"LeakyReLU({slope.ToString(CultureInfo.InvariantCulture)})",
                (z, a) => ActivationFunctions.LeakyReLU(z, a, slope), (z, g) => ActivationFunctions.LeakyReLUBackward(z, g, slope),
                z => nn.functional.leaky_relu(z, slope));
        }
        foreach (float alpha in new[] { 1f, 0.5f, 2.5f })
        {
            yield return new($"ELU({alpha.ToString(CultureInfo.InvariantCulture)})",
                (z, a) => ActivationFunctions.ELU(z, a, alpha), (z, g) => ActivationFunctions.ELUBackward(z, g, alpha),
                z => nn.functional.elu(z, alpha));
        }
        yield return new("GELU", ActivationFunctions.GELU, ActivationFunctions.GELUBackward, z => nn.functional.gelu(z),
            (z => 0.5 * z * special.erfc(-z * InverseSqrt2), z => z < -5, "z·erfc(-z/√2)/2 below z = -5, where torch's z·(1 + erf(z/√2))/2 cancels"));
        yield return new("GELUTanh", ActivationFunctions.GELUTanh, ActivationFunctions.GELUTanhBackward,
            z => nn.functional.gelu(z, GELU.Approximate.tanh),
            (z => z * sigmoid(2 * GeluTanhScale * (z + 0.044715 * z.pow(3))), z => z < -5, "z·σ(2u) below z = -5, where torch's z·(1 + tanh u)/2 cancels"));
        yield return new("SiLU", ActivationFunctions.SiLU, ActivationFunctions.SiLUBackward, z => nn.functional.silu(z));
        yield return new("Softplus", ActivationFunctions.Softplus, ActivationFunctions.SoftplusBackward, z => nn.functional.softplus(z, beta: 1, threshold: 20));
        yield return new("Softsign", ActivationFunctions.Softsign, ActivationFunctions.SoftsignBackward, z => nn.functional.softsign(z),
            (SoftsignWithExactDerivative, z => Math.Abs(z) > 1e4, "derivative 1/(1+|z|)² above |z| = 1e4, where autograd of z/(1+|z|) cancels"));
        yield return new("HardSigmoid", ActivationFunctions.HardSigmoid, ActivationFunctions.HardSigmoidBackward, z => nn.functional.hardsigmoid(z));
        yield return new("HardSwish", ActivationFunctions.HardSwish, ActivationFunctions.HardSwishBackward, z => nn.functional.hardswish(z));
    }

    /// <summary>
    /// The inputs: every value in <see cref="Extremes"/>, then <paramref name="randomCount"/> seeded values (uniform in
    /// [-8, 8], log-uniform magnitudes from 1e-30 to 1e4, and within a few ulps of every kink: 0, ±3, 20).
    /// </summary>
    public static float[] Inputs(int randomCount, int seed)
    {
        var values = new List<float>(Extremes);
        var random = new Random(seed);
        float[] kinks = [0f, 3f, -3f, 20f, -1.5f];
        for (int i = 0; i < randomCount; i++)
        {
            switch (i % 4)
            {
                case 0:
                case 1:
                    values.Add((float)(random.NextDouble() * 16 - 8));
                    break;
                case 2:
                    values.Add((float)((random.Next(2) == 0 ? -1 : 1) * Math.Pow(10, -30 + 34 * random.NextDouble())));
                    break;
                default:
                    float kink = kinks[random.Next(kinks.Length)];
                    int ulps = random.Next(-4, 5);
                    float v = kink;
                    for (int k = 0; k < Math.Abs(ulps); k++)
                    {
                        v = ulps > 0 ? MathF.BitIncrement(v) : MathF.BitDecrement(v);
                    }
                    values.Add(v);
                    break;
            }
        }
        return values.ToArray();
    }

    /// <summary>Zero, signed zero, subnormals, tiny, kinks and their neighbours, large and the largest finite floats.</summary>
    public static IReadOnlyList<float> Extremes { get; } = BuildExtremes();

    private static float[] BuildExtremes()
    {
        float[] magnitudes =
        [
            float.Epsilon, 1e-40f, 1.17549435e-38f, 1e-30f, 1e-10f, 1e-4f, 0.5f, 1f, 1.5f,
            MathF.BitDecrement(3f), 3f, MathF.BitIncrement(3f), 5f, 6f, 8f, 10f, 15f,
            MathF.BitDecrement(20f), 20f, MathF.BitIncrement(20f), 30f, 88f, 100f, 1e3f, 1e4f, 1e10f, 1e20f, 1e30f, float.MaxValue,
        ];
        var values = new List<float> { 0f, -0f };
        foreach (float m in magnitudes)
        {
            values.Add(m);
            values.Add(-m);
        }
        return values.ToArray();
    }

    /// <summary>
    /// Runs <paramref name="activation"/> forward and backward on <paramref name="z"/> with upstream gradients
    /// <paramref name="g"/> and compares both with torch; returns a one-line report, throws on any mismatch.
    /// Also checks that the in-place forward (a the same memory as z) gives the same bits.
    /// </summary>
    public static string Check(ActivationUnderTest activation, float[] z, float[] g)
    {
        float[] a = new float[z.Length];
        activation.Forward(z, a);
        float[] inPlace = (float[])z.Clone();
        activation.Forward(inPlace, inPlace);
        for (int i = 0; i < z.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(inPlace[i]) != BitConverter.SingleToInt32Bits(a[i]))
            {
                throw new XunitException($"{activation}: in-place forward gives {Format(inPlace[i])} at z = {Format(z[i])}, out-of-place {Format(a[i])}.");
            }
        }
        float[] dz = (float[])g.Clone();
        activation.Backward(z, dz);

        (double[] forward, double[] backward, string note) = Torch(activation, z, g);
        double worstForward = CheckAll($"{activation} forward f(z)", z, g, a, forward);
        double worstBackward = CheckAll($"{activation} backward g·f'(z)", z, g, dz, backward);
        return string.Create(CultureInfo.InvariantCulture,
            $"{activation}: {z.Length} inputs; worst error {worstForward:P1} (forward), {worstBackward:P1} (backward) of the allowed error{note}");
    }

    /// <summary>torch's <c>f(z)</c> and <c>g·f'(z)</c> (autograd) in float64.</summary>
    public static (double[] Forward, double[] Backward, string Note) Torch(ActivationUnderTest activation, float[] z, float[] g)
    {
        using var scope = NewDisposeScope();
        double[] zd = Array.ConvertAll(z, v => (double)v);
        Tensor gt = tensor(Array.ConvertAll(g, v => (double)v), ScalarType.Float64);
        (double[] forward, double[] backward) = Evaluate(activation.Torch, zd, gt);
        string note = "";
        if (activation.Stable is { } stable)
        {
            (double[] f2, double[] b2) = Evaluate(stable.Function, zd, gt);
            // Where both are accurate, torch's functional and the stable form are the same function.
            double agreement = 0;
            int replaced = 0;
            for (int i = 0; i < zd.Length; i++)
            {
                if (stable.Where(zd[i]))
                {
                    forward[i] = f2[i];
                    backward[i] = b2[i];
                    replaced++;
                }
                else
                {
                    agreement = Math.Max(agreement, Math.Max(RelativeDifference(forward[i], f2[i]), RelativeDifference(backward[i], b2[i])));
                }
            }
            if (agreement > 1e-9)
            {
                throw new XunitException($"{activation}: torch's functional and the stable reference ({stable.Why}) differ by {agreement:G3} relative where both should be exact.");
            }
            note = string.Create(CultureInfo.InvariantCulture, $"; reference: torch's functional, {stable.Why} ({replaced} inputs; elsewhere the two agree to {agreement:G2})");
        }
        return (forward, backward, note);
    }

    private static (double[] Forward, double[] Backward) Evaluate(Func<Tensor, Tensor> f, double[] z, Tensor g)
    {
        Tensor zt = tensor(z, ScalarType.Float64).requires_grad_();
        Tensor y = f(zt);
        y.backward(new[] { g });
        return (y.detach().data<double>().ToArray(), (zt.grad ?? throw new InvalidOperationException("No gradient.")).data<double>().ToArray());
    }

    private static Tensor SoftsignWithExactDerivative(Tensor z)
    {
        // Value z/(1+|z|); derivative 1/(1+|z|)² by a custom split: y = v + (z - z.detach())·d, with v and d detached.
        Tensor d = (1 + z.detach().abs()).pow(-2);
        Tensor v = z.detach() / (1 + z.detach().abs());
        return v + (z - z.detach()) * d;
    }

    private static double RelativeDifference(double a, double b)
    {
        double scale = Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-300);
        return a == b ? 0 : Math.Abs(a - b) / scale;
    }

    /// <summary>Ratio of the error to the allowed error (≤ 1 passes).</summary>
    public static double Ratio(double actual, double expected)
    {
        double allowed = Math.Max(Relative * Math.Max(Math.Abs(actual), Math.Abs(expected)), AbsoluteFloor);
        double error = Math.Abs(actual - expected);
        if (actual == expected)
        {
            return 0; // also ±∞ on both sides
        }
        return double.IsNaN(error) ? double.PositiveInfinity : error / allowed;
    }

    private static double CheckAll(string what, float[] z, float[] g, float[] actual, double[] expected)
    {
        var failures = new List<(double Ratio, int Index)>();
        double worst = 0;
        for (int i = 0; i < z.Length; i++)
        {
            double ratio = Ratio(actual[i], expected[i]);
            if (!(ratio <= 1))
            {
                failures.Add((ratio, i));
            }
            else
            {
                worst = Math.Max(worst, ratio);
            }
        }
        if (failures.Count > 0)
        {
            failures.Sort((x, y) => y.Ratio.CompareTo(x.Ratio));
            var message = new StringBuilder($"{what}: {failures.Count} of {z.Length} values differ from torch beyond max(1e-5·max(|a|,|b|), FLT_MIN). Worst:");
            foreach ((double _, int i) in failures.Take(10))
            {
                message.Append(CultureInfo.InvariantCulture, $"\n  z = {Format(z[i])}, g = {Format(g[i])}: StaticNet {Format(actual[i])}, torch {Format(expected[i])}");
            }
            throw new XunitException(message.ToString());
        }
        return worst;
    }

    private static string Format(double value) => value.ToString("G9", CultureInfo.InvariantCulture);
}
