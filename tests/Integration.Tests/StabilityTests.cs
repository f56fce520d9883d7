using System;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// The fused losses at extreme logits: Softmax + CrossEntropy with log-sum-exp and max-subtraction, Sigmoid +
/// BinaryCrossEntropy as <c>max(z,0) - z·y + log(1 + e^-|z|)</c>. Finite inputs give finite losses and gradients.
/// With the weights at zero the logits are exactly the biases.
/// </summary>
public sealed partial class StabilityTests
{
    private static readonly float[] Input = [0.75f, -0.5f];

    [Fact]
    public void SoftmaxCrossEntropy_LogitsOfPlusAndMinus1000()
    {
        var network = new StableSoftmax(1);
        network.Dense0Weights.Clear();
        float[] logits = [1000f, 0f, -1000f];
        logits.CopyTo(network.Dense0Bias);

        // Label 0, the largest logit: log(1 + e^-1000 + e^-2000) = 0, and softmax - onehot = [0, 0, 0] (e^-1000 underflows).
        Assert.Equal(0f, network.ComputeGradients(Input, [0], 1));
        AssertFinite(network.Gradients);
        Assert.Equal(new float[StableSoftmax.ParameterBufferLength], network.Gradients.ToArray());

        // Label 2, the smallest: log-sum-exp - z2 = 1000 - (-1000) = 2000; dL/dz = p - onehot = [1, 0, -1].
        Assert.Equal(2000f, network.ComputeGradients(Input, [2], 1));
        AssertFinite(network.Gradients);
        Assert.Equal([1f, 0f, -1f], network.Dense0BiasGradients.ToArray());
        Assert.Equal([0.75f, 0f, -0.75f, -0.5f, 0f, 0.5f], network.Dense0WeightGradients.ToArray()); // x_i · dz_k

        // The same from one-hot rows, and as a batch of two (mean 1000).
        Assert.Equal(2000f, network.ComputeLoss(Input, [0f, 0f, 1f], 1));
        Assert.Equal(0f, network.ComputeLoss(Input, [1f, 0f, 0f], 1));
        Assert.Equal(1000f, network.ComputeGradients([.. Input, .. Input], [0, 2], 2));
        Assert.Equal([0.5f, 0f, -0.5f], network.Dense0BiasGradients.ToArray());

        // Predict: softmax([1000, 0, -1000]) = [1, 0, 0].
        var probabilities = new float[3];
        network.Predict(Input, probabilities);
        Assert.Equal([1f, 0f, 0f], probabilities);
    }

    [Fact]
    public void SigmoidBinaryCrossEntropy_LogitsOfPlusAndMinus100()
    {
        var network = new StableSigmoid(1);
        network.Dense0Weights.Clear();
        var probability = new float[1];

        // z = +100: label 1 costs log(1 + e^-100) ≈ 3.7e-44, label 0 costs 100; dL/dz = sigmoid(z) - y = 0 or 1.
        network.Dense0Bias[0] = 100f;
        AssertLossAndGradient(network, label: 1, expectedLoss: 0, expectedGradient: 0f);
        AssertLossAndGradient(network, label: 0, expectedLoss: 100, expectedGradient: 1f);
        Assert.Equal(50f, network.ComputeLoss(Input, [0.5f], 1)); // a soft target: 100 - 100·0.5
        network.Predict(Input, probability);
        Assert.Equal(1f, probability[0]);

        // z = -100: label 0 costs ≈ 3.7e-44, label 1 costs 100; dL/dz = 0 or -1.
        network.Dense0Bias[0] = -100f;
        AssertLossAndGradient(network, label: 0, expectedLoss: 0, expectedGradient: 0f);
        AssertLossAndGradient(network, label: 1, expectedLoss: 100, expectedGradient: -1f);
        network.Predict(Input, probability);
        Assert.True(float.IsFinite(probability[0]) && probability[0] >= 0f && probability[0] < 1e-40f, $"sigmoid(-100) = {probability[0]}");
    }

    private static void AssertLossAndGradient(StableSigmoid network, int label, double expectedLoss, float expectedGradient)
    {
        foreach (bool useLabels in new[] { true, false })
        {
            float loss = useLabels
                ? network.ComputeGradients(Input, [label], 1)
                : network.ComputeGradients(Input, [(float)label], 1);
            Assert.True(float.IsFinite(loss), $"loss {loss}");
            Assert.Equal(expectedLoss, loss, 1e-6);
            AssertFinite(network.Gradients);
            Assert.Equal(expectedGradient, network.Dense0BiasGradients[0]);
            Assert.Equal([Input[0] * expectedGradient, Input[1] * expectedGradient], network.Dense0WeightGradients.ToArray());
        }
    }

    private static void AssertFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(float.IsFinite(values[i]), $"values[{i}] = {values[i]}");
        }
    }
}
