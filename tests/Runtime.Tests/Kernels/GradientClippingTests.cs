using System;
using System.Linq;
using StaticNet.Kernels;
using Xunit;

namespace StaticNet.Tests.Kernels;

/// <summary>
/// <see cref="GradientClipping"/> against PyTorch's <c>clip_grad_value_</c> (a clamp: exact) and <c>clip_grad_norm_</c>
/// (<c>g ← g · max / (‖g‖ + 1e-6)</c> when that factor is below 1) written in double.
/// </summary>
public class GradientClippingTests
{
    private const double U = 1.0 / (1 << 24);

    public static TheoryData<int> LengthData() => new(0, 1, 7, 8, 9, 17, 33, 1000);

    [Theory]
    [MemberData(nameof(LengthData))]
    public void ByValue_IsAClampToPlusMinusTheValue_BitForBit(int length)
    {
        const float Clip = 0.75f;
        float[] gradients = Uniform(new Random(length), length, -2, 2);
        for (int i = 0; i + 4 < length; i += 7)
        {
            // The edges and signed zeros, in vector lanes and in the tail.
            gradients[i] = Clip;
            gradients[i + 1] = -Clip;
            gradients[i + 2] = -0f;
            gradients[i + 3] = MathF.BitIncrement(Clip);
            gradients[i + 4] = float.NaN;
        }

        float[] expected = [.. gradients.Select(g => float.IsNaN(g) ? g : Math.Clamp(g, -Clip, Clip))];

        GradientClipping.ByValue(gradients, Clip);

        // NaN stays NaN, as torch.clamp_ propagates it.
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), gradients.Select(BitConverter.SingleToInt32Bits));
        Assert.True(length < 9 || gradients.Count(g => MathF.Abs(g) == Clip) > 2);
    }

    /// <summary>
    /// The norm is a float sum of n squares (n roundings, plus the square root's: (n/2 + 1)·u relative on ‖g‖), the
    /// factor max / (‖g‖ + 1e-6) two more, the product one: bound (n + 6)·u relative per element.
    /// </summary>
    [Theory]
    [MemberData(nameof(LengthData))]
    public void ByNorm_ScalesToTheMaximumNorm_WhenAbove(int length)
    {
        float[] original = Uniform(new Random(length + 1), length, -2, 2);
        double norm = Math.Sqrt(original.Sum(g => (double)g * g));
        foreach (double ratio in new[] { 0.25, 0.999, 1.001, 4.0 })
        {
            float maxNorm = (float)Math.Max(norm * ratio, 1e-3); // a maximum norm must be positive, also for an empty span
            float[] gradients = (float[])original.Clone();

            GradientClipping.ByNorm(gradients, maxNorm);

            double coefficient = maxNorm / (norm + 1e-6);
            if (coefficient >= 1)
            {
                Assert.Equal(original, gradients); // untouched, not multiplied by a factor close to 1
                continue;
            }

            for (int i = 0; i < length; i++)
            {
                double expected = original[i] * coefficient;
                double error = Math.Abs(gradients[i] - expected);
                Assert.True(error <= (length + 6) * U * Math.Abs(expected), $"ratio {ratio}, length {length}: gradients[{i}] = {gradients[i]:R}, expected {expected:R}");
            }

            // The norm after clipping is the maximum, short by the 1e-6 in the denominator.
            double clippedNorm = Math.Sqrt(gradients.Sum(g => (double)g * g));
            double expectedNorm = maxNorm * norm / (norm + 1e-6);
            Assert.True(Math.Abs(clippedNorm - expectedNorm) <= (length + 8) * U * maxNorm, $"norm after clipping {clippedNorm:R}, expected {expectedNorm:R}");
        }
    }

    [Fact]
    public void ByNorm_ZeroOrEmptyGradients_StayAsTheyAre()
    {
        float[] zeros = new float[9];
        GradientClipping.ByNorm(zeros, 1e-3f);
        GradientClipping.ByNorm([], 1f);
        GradientClipping.ByValue([], 1f);
        Assert.Equal(new float[9], zeros);
    }

    private static float[] Uniform(Random random, int length, double min, double max)
    {
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(min + (random.NextDouble() * (max - min)));
        }

        return values;
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void NonPositiveOrNonFiniteLimits_AreRefusedNamingTheArgument(float limit)
    {
        float[] gradients = { 1f, 2f };

        Assert.Equal("clipValue", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ByValue(gradients, limit)).ParamName);
        Assert.Equal("maxNorm", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ByNorm(gradients, limit)).ParamName);
        Assert.Equal(new[] { 1f, 2f }, gradients);
    }
}
