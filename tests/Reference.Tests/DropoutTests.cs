using System;
using System.Globalization;
using System.Linq;
using StaticNet.Reference.Tests.Oracle;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests;

/// <summary>
/// StaticNet's dropout has torch's <c>nn.Dropout(p)</c> semantics: in training each activation is zeroed with
/// probability p and the survivors are scaled by exactly <c>1/(1 - p)</c>; in eval it is the identity. The masks come
/// from different generators, so these tests compare semantics (eval outputs, the value set, keep rates and means over
/// 128,000 activations, within 1% of the expected); the exact comparisons, with StaticNet's masks replayed from the seed
/// and applied in torch, are in <see cref="GradientTests"/> (<c>Dropout_*</c>) and <see cref="TrainingTests"/>.
/// <para>
/// The probe is <see cref="DropoutProbe"/>: Dense(64) with W = I and b = 0, dropout, Dense(64) with W = I, MSE. Its output
/// is the input after dropout, so with inputs of 1 the MSE against 0 is <c>c²·k/n</c> (k kept of n, kept value c) and
/// against torch's scale s = 1/(1 - p) it is <c>(k·(c - s)² + (n - k)·s²)/n</c>; the two sum to s² exactly when c = s.
/// </para>
/// </summary>
public sealed class DropoutTests(ITestOutputHelper output)
{
    private const int Batch = 2000;
    private const int Units = 64;
    private const int Count = Batch * Units;

    [Theory]
    [InlineData(0.3f)]  // declared
    [InlineData(0.6f)]  // changed at run time
    [InlineData(0.05f)]
    public void TrainingMode_KeepsOneMinusP_ScalesByTorchsFactor_MeanPreserved(float rate)
    {
        DropoutProbe network = Probe(rate);
        float[] ones = Enumerable.Repeat(1f, Count).ToArray();
        float[] zeros = new float[Count];
        double scale = 1 / (1 - (double)rate); // torch: noise.bernoulli_(1 - p).div_(1 - p)
        float[] scaled = Enumerable.Repeat((float)scale, Count).ToArray();

        network.SeedDropout(11);
        double againstZero = network.ComputeLoss(ones, zeros, Batch, training: true);
        network.SeedDropout(11);
        double againstScale = network.ComputeLoss(ones, scaled, Batch, training: true);

        // The kept values are torch's 1/(1 - p) (see the class summary), to float32 rounding.
        Tolerance.Check($"p = {rate}: MSE(0) + MSE(1/(1-p)) = s² (kept values equal torch's scale)", againstZero + againstScale, scale * scale);

        double keepRate = againstZero / (scale * scale);
        double mean = keepRate * scale; // the mean activation, 1 in expectation
        AssertWithinOnePercent($"StaticNet keep rate at p = {rate}", keepRate, 1 - rate);
        AssertWithinOnePercent($"StaticNet mean activation at p = {rate}", mean, 1);

        // torch's nn.Dropout on the same shape: the same value set, keep rate and mean.
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var dropout = nn.Dropout(rate);
        dropout.train();
        Tensor y = dropout.call(ones_like(tensor(ones, ScalarType.Float64)));
        double[] values = y.data<double>().ToArray();
        Assert.All(values, v => Assert.True(v == 0 || Math.Abs(v - scale) <= 1e-12 * scale, $"torch produced {v}"));
        double torchKeep = values.Count(v => v != 0) / (double)Count;
        AssertWithinOnePercent($"torch keep rate at p = {rate}", torchKeep, 1 - rate);
        AssertWithinOnePercent($"torch mean activation at p = {rate}", values.Average(), 1);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p = {rate}: keep rate StaticNet {keepRate:F4}, torch {torchKeep:F4} (expected {1 - rate:F4}); mean activation StaticNet {mean:F4}, torch {values.Average():F4}; kept value 1/(1-p) = {scale:G9}"));
    }

    [Fact]
    public void EvalMode_IsTheIdentity_AsTorchsEvalDropout()
    {
        DropoutProbe network = Probe(0.3f);
        var random = new Random(3);
        float[] x = Enumerable.Range(0, 50 * Units).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();

        float[] predicted = new float[x.Length];
        network.Predict(x, predicted, 50);

        using var scope = NewDisposeScope();
        using var dropout = nn.Dropout(0.3);
        dropout.eval();
        double[] torchEval = dropout.call(tensor(Array.ConvertAll(x, v => (double)v), ScalarType.Float64)).data<double>().ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(torchEval[i], predicted[i]);
        }

        // ComputeLoss without the flag and with training: false is the eval loss: mean of x² against zero targets.
        float[] zeros = new float[x.Length];
        double expected = x.Average(v => (double)v * v);
        Tolerance.Check("ComputeLoss (eval)", network.ComputeLoss(x, zeros, 50), expected);
        Tolerance.Check("ComputeLoss(training: false)", network.ComputeLoss(x, zeros, 50, training: false), expected);
        output.WriteLine($"Predict and ComputeLoss(training: false) with dropout 0.3 equal torch's eval-mode nn.Dropout (identity) on {x.Length} values");
    }

    [Fact]
    public void RateZero_IsTheIdentityInTrainingToo()
    {
        DropoutProbe network = Probe(0f);
        float[] ones = Enumerable.Repeat(1f, Count).ToArray();
        Assert.Equal(1f, network.ComputeLoss(ones, new float[Count], Batch, training: true));
    }

    [Fact]
    public void SeedDropout_RepeatsTheMasks_AndTheConstructorSeedsThem()
    {
        DropoutProbe network = Probe(0.3f);
        float[] ones = Enumerable.Repeat(1f, 8 * Units).ToArray();
        float[] zeros = new float[ones.Length];

        network.SeedDropout(42);
        float first = network.ComputeLoss(ones, zeros, 8, training: true);
        float second = network.ComputeLoss(ones, zeros, 8, training: true);
        network.SeedDropout(42);
        Assert.Equal(first, network.ComputeLoss(ones, zeros, 8, training: true));
        Assert.NotEqual(first, second); // fresh masks on every training pass

        // A fresh network draws its masks from its own seed, exactly as DropoutMask.Seed(seed) + Fill: the same as SeedDropout(seed).
        DropoutProbe fresh = Probe(0.3f, seed: 9);
        float fromConstructor = fresh.ComputeLoss(ones, zeros, 8, training: true);
        fresh.SeedDropout(9);
        Assert.Equal(fromConstructor, fresh.ComputeLoss(ones, zeros, 8, training: true));
        ulong state = DropoutMask.Seed(9);
        float[] mask = new float[ones.Length];
        DropoutMask.Fill(mask, 0.3f, ref state);
        Tolerance.Check("loss from the replayed mask", fromConstructor, mask.Average(m => (double)m * m));
    }

    /// <summary>The probe with W = I in both layers, b = 0 and the given rate.</summary>
    private static DropoutProbe Probe(float rate, int seed = 1)
    {
        var network = new DropoutProbe(seed) { Dense0DropoutRate = rate };
        Span<float> parameters = network.Parameters;
        parameters.Clear();
        for (int i = 0; i < Units; i++)
        {
            parameters[DropoutProbe.Dense0WeightsOffset + i * Units + i] = 1;
            parameters[DropoutProbe.Dense1WeightsOffset + i * Units + i] = 1;
        }
        return network;
    }

    private static void AssertWithinOnePercent(string what, double actual, double expected)
    {
        Assert.True(Math.Abs(actual - expected) <= 0.01 * expected, string.Create(CultureInfo.InvariantCulture, $"{what}: {actual:F5}, expected {expected:F5} ± 1%"));
    }
}
