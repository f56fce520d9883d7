using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Inverted dropout (<see cref="DropoutAttribute"/>): the identity in Predict and in <c>ComputeLoss(..., training: false)</c>;
/// in training each activation is multiplied by 0 (probability p) or 1/(1 - p), in the forward pass and again in the
/// backward pass; masks are reproducible from the seed (<c>SeedDropout</c>, the constructor's seed) and fresh at each call.
/// The masks are read through <see cref="DropoutMaskNet"/>, whose training output is the mask itself.
/// </summary>
public sealed class DropoutTests(ITestOutputHelper output)
{
    private const int Batch = 5;

    [Fact]
    public void Predict_AndInferenceLoss_AreTheForwardPassWithoutDropout()
    {
        var network = new DropoutNet(1);
        var reference = new ReferenceNetwork(6, (16, Activation.Tanh), (3, Activation.Identity));
        var random = new Random(1);
        SetParameters(network.Parameters, reference, random);
        float[] inputs = TestData.Uniform(random, Batch * 6, -1, 1);
        float[] targets = TestData.Uniform(random, Batch * 3, -1, 1);

        double[] expected = reference.Predict(network.Parameters, inputs, Batch);
        var outputs = new float[Batch * 3];
        network.Predict(inputs, outputs, Batch);
        for (int i = 0; i < outputs.Length; i++)
        {
            Assert.True(Math.Abs(outputs[i] - expected[i]) <= 1e-6 * Math.Max(1, Math.Abs(expected[i])), $"output {i}: {outputs[i]:R}, reference {expected[i]:R}");
        }

        double mse = Enumerable.Range(0, expected.Length).Average(i => (expected[i] - targets[i]) * (expected[i] - targets[i]));
        float inference = network.ComputeLoss(inputs, targets, Batch, training: false);
        Assert.True(Math.Abs(inference - mse) <= 1e-6 * Math.Max(1, mse), $"inference loss {inference:R}, reference {mse:R}");
        Assert.Equal(inference, network.ComputeLoss(inputs, targets, Batch)); // the 3-argument overload is inference

        // Training calls in between (which draw masks and advance the generator) change neither.
        network.ComputeGradients(inputs, targets, Batch);
        network.ComputeLoss(inputs, targets, Batch, training: true);
        var again = new float[Batch * 3];
        network.Predict(inputs, again, Batch);
        Assert.Equal(TestData.Bits(outputs), TestData.Bits(again));
        Assert.Equal(inference, network.ComputeLoss(inputs, targets, Batch, training: false));

        // ... and the training loss is another number.
        Assert.NotEqual(inference, network.ComputeLoss(inputs, targets, Batch, training: true));
    }

    [Fact]
    public void TrainingMask_IsZeroOrInverseKeepProbability_KeptFractionNearOneMinusRate()
    {
        foreach (float rate in new[] { 0.25f, 0.6f })
        {
            var network = new DropoutMaskNet(3);
            ExposeMask(network);
            network.Dense0DropoutRate = rate;
            double scale = 1.0 / (1.0 - rate);
            float[] input = [0.5f];
            float[] zeros = new float[256];
            long kept = 0;
            long total = 0;
            // 256,000 draws: the standard deviation of the kept fraction is at most 0.001, a quarter of the 1% allowed.
            const int calls = 1000;
            for (int call = 0; call < calls; call++)
            {
                float loss = network.ComputeGradients(input, zeros, 1);
                double sumOfSquares = 0;
                for (int u = 0; u < 256; u++)
                {
                    // Output u is mask[u]; with target 0, dL/db1[u] = 2·mask[u]/256.
                    double mask = network.Dense1BiasGradients[u] * 128.0;
                    if (!(mask == 0 || Math.Abs(mask - scale) <= 1e-6 * scale))
                    {
                        Assert.Fail($"rate {rate}, call {call}, unit {u}: mask value {mask:R}, expected 0 or {scale:R}");
                    }

                    // The backward pass multiplies by the same mask: dL/db0[u] = mask[u]·dL/db1[u].
                    double backward = mask * network.Dense1BiasGradients[u];
                    if (Math.Abs(network.Dense0BiasGradients[u] - backward) > 1e-7)
                    {
                        Assert.Fail($"rate {rate}, call {call}, unit {u}: dL/db0 {network.Dense0BiasGradients[u]:R}, expected mask · dL/db1 = {backward:R}");
                    }

                    kept += mask == 0 ? 0 : 1;
                    sumOfSquares += mask * mask;
                }

                total += 256;
                Assert.Equal(sumOfSquares / 256, loss, 1e-5); // MSE of the mask against 0
            }

            double fraction = kept / (double)total;
            output.WriteLine($"rate {rate}: kept {kept} of {total} = {fraction:F4} (expected {1 - rate})");
            Assert.InRange(fraction, (1 - rate) * 0.99, (1 - rate) * 1.01);
        }
    }

    [Fact]
    public void TrainingMask_DiffersBetweenSamplesOfABatch_AndBetweenCalls()
    {
        var network = new DropoutMaskNet(4);
        ExposeMask(network);
        float[] inputs = [0.5f, 0.5f];
        float[] zeros = new float[512];
        network.ComputeGradients(inputs, zeros, 2);

        // dL/db1[u] = (mask_0[u] + mask_1[u]) / 256: 0, one kept (4/3) or both (8/3).
        double[] sums = Enumerable.Range(0, 256).Select(u => network.Dense1BiasGradients[u] * 256.0).ToArray();
        Assert.Contains(sums, s => Math.Abs(s - 4.0 / 3) < 1e-5);
        Assert.Contains(sums, s => Math.Abs(s - 8.0 / 3) < 1e-5);
        Assert.Contains(sums, s => s == 0);

        // A second call draws fresh masks.
        float[] first = network.Dense1BiasGradients.ToArray();
        network.ComputeGradients(inputs, zeros, 2);
        Assert.NotEqual(first, network.Dense1BiasGradients.ToArray());
    }

    [Fact]
    public void SeedDropout_SameSeedSameLoss_DifferentSeedsDiffer()
    {
        var network = new DropoutNet(1);
        var random = new Random(2);
        SetParameters(network.Parameters, new ReferenceNetwork(6, (16, Activation.Tanh), (3, Activation.Identity)), random);
        float[] inputs = TestData.Uniform(random, Batch * 6, -1, 1);
        float[] targets = TestData.Uniform(random, Batch * 3, -1, 1);

        float Loss(int seed)
        {
            network.SeedDropout(seed);
            return network.ComputeLoss(inputs, targets, Batch, training: true);
        }

        float a = Loss(5);
        Assert.Equal(a, Loss(5));
        Assert.NotEqual(a, Loss(6));
        Assert.NotEqual(Loss(6), Loss(7));

        // Without reseeding, consecutive calls draw different masks.
        network.SeedDropout(5);
        float first = network.ComputeLoss(inputs, targets, Batch, training: true);
        float second = network.ComputeLoss(inputs, targets, Batch, training: true);
        Assert.Equal(a, first);
        Assert.NotEqual(first, second);

        // ComputeGradients draws the same masks as ComputeLoss(training: true) from the same state.
        network.SeedDropout(5);
        Assert.Equal(a, network.ComputeGradients(inputs, targets, Batch));
    }

    [Fact]
    public void ConstructorSeed_SeedsTheMasks_TrainingIsReproducible()
    {
        var random = new Random(3);
        float[] inputs = TestData.Uniform(random, Batch * 6, -1, 1);
        float[] targets = TestData.Uniform(random, Batch * 3, -1, 1);

        // The constructor seeds the masks with the network's seed.
        var network = new DropoutNet(9);
        float fresh = network.ComputeLoss(inputs, targets, Batch, training: true);
        network.SeedDropout(9);
        Assert.Equal(fresh, network.ComputeLoss(inputs, targets, Batch, training: true));

        // Two networks from one seed train to the same bits.
        var a = new DropoutNet(11);
        var b = new DropoutNet(11);
        for (int step = 0; step < 5; step++)
        {
            Assert.Equal(a.TrainStep(inputs, targets, Batch), b.TrainStep(inputs, targets, Batch));
        }

        Assert.Equal(TestData.Bits(a.Parameters), TestData.Bits(b.Parameters));
    }

    [Fact]
    public void RateZero_IsNoDropout()
    {
        var zero = new DropoutZeroNet(1);
        var none = new NoDropoutNet(1);
        var runtimeZero = new DropoutNet(1);
        Assert.Equal(0f, zero.Dense0DropoutRate);
        runtimeZero.Dense0DropoutRate = 0f;
        var random = new Random(4);
        SetParameters(none.Parameters, new ReferenceNetwork(6, (16, Activation.Tanh), (3, Activation.Identity)), random);
        none.Parameters.CopyTo(zero.Parameters);
        none.Parameters.CopyTo(runtimeZero.Parameters);
        float[] inputs = TestData.Uniform(random, Batch * 6, -1, 1);
        float[] targets = TestData.Uniform(random, Batch * 3, -1, 1);

        // Bit for bit: the mask is exactly 1 and multiplying by 1 is exact.
        for (int step = 0; step < 3; step++)
        {
            float expected = none.ComputeGradients(inputs, targets, Batch);
            Assert.Equal(expected, zero.ComputeGradients(inputs, targets, Batch));
            Assert.Equal(expected, runtimeZero.ComputeGradients(inputs, targets, Batch));
            Assert.Equal(TestData.Bits(none.Gradients), TestData.Bits(zero.Gradients));
            Assert.Equal(TestData.Bits(none.Gradients), TestData.Bits(runtimeZero.Gradients));
            Assert.Equal(none.ComputeLoss(inputs, targets, Batch), zero.ComputeLoss(inputs, targets, Batch, training: true));
            none.ApplyGradients();
            zero.ApplyGradients();
            runtimeZero.ApplyGradients();
        }

        Assert.Equal(TestData.Bits(none.Parameters), TestData.Bits(zero.Parameters));
        Assert.Equal(TestData.Bits(none.Parameters), TestData.Bits(runtimeZero.Parameters));
    }

    [Fact]
    public void Classifier_LabelsAndOneHotRows_DrawTheSameMasks()
    {
        var network = new DropoutClassifier(1);
        var random = new Random(5);
        float[] inputs = TestData.Uniform(random, Batch * 6, -1, 1);
        int[] labels = TestData.Labels(random, Batch, 4);
        float[] rows = TestData.OneHotRows(labels, 4);

        network.SeedDropout(21);
        float fromLabels = network.ComputeGradients(inputs, labels, Batch);
        float[] gradients = network.Gradients.ToArray();
        network.SeedDropout(21);
        float fromRows = network.ComputeGradients(inputs, rows, Batch);
        Assert.Equal(fromLabels, fromRows, 6);
        for (int i = 0; i < gradients.Length; i++)
        {
            Assert.Equal(gradients[i], network.Gradients[i], 6);
        }

        network.SeedDropout(21);
        Assert.Equal(fromLabels, network.ComputeLoss(inputs, labels, Batch, training: true));
        Assert.NotEqual(fromLabels, network.ComputeLoss(inputs, labels, Batch));
    }

    /// <summary>W0 = 0 and b0 = 1 (so a0 = 1), W1 = I and b1 = 0: the output is the dropout mask (1 in inference).</summary>
    private static void ExposeMask(DropoutMaskNet network)
    {
        network.Dense0Weights.Clear();
        network.Dense0Bias.Fill(1f);
        network.Dense1Weights.Clear();
        for (int u = 0; u < 256; u++)
        {
            network.Dense1Weights[u * 256 + u] = 1f;
        }

        network.Dense1Bias.Clear();
        var inference = new float[256];
        network.Predict([0.5f], inference);
        Assert.All(inference, v => Assert.Equal(1f, v));
    }

    private static void SetParameters(Span<float> parameters, ReferenceNetwork reference, Random random)
    {
        bool[] isWeight = reference.WeightMask(), isBias = reference.BiasMask();
        float[] weights = TestData.AwayFromZero(random, parameters.Length, 0.1, 0.9);
        float[] biases = TestData.Uniform(random, parameters.Length, -0.5, 0.5);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = isWeight[i] ? weights[i] : isBias[i] ? biases[i] : 0f; // the padding between tensors stays 0
        }
    }
}
