using System;
using System.Linq;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// The new activations at pre-activations of ±1e4, where e^|z| overflows even in double, on the hidden layer (Softmax +
/// CrossEntropy above) and on the output layer (MeanSquaredError): finite loss and gradients, and Predict equal to the
/// reference's limits (e.g. GELU(-1e4) = 0, ELU(-1e4) = -α, Softplus(1e4) = 1e4). MeanAbsoluteError and Huber with
/// differences of ±2e30: finite, with their exact constant gradients.
/// </summary>
public sealed partial class StabilityTests
{
    private const float Huge = 1e4f;

    // 5-4-3 layout, each tensor on a 64-byte line (16 floats): W0 [5x4] at 0, b0 at 32, W1 [4x3] at 48, b1 at 64.
    private const int W0 = 0, B0 = 32, W1 = 48, B1 = 64;
    private static readonly float[] Sample = [0.75f, -0.5f, 0.25f, 1f, -1f];

    [Fact]
    public void NewActivations_HiddenPreActivationsOfPlusMinus1e4_FiniteLossAndGradients()
    {
        CheckHidden(new CheckHiddenLeakyReLU(1), Activation.LeakyReLU, double.NaN);
        CheckHidden(new CheckHiddenLeakyReLUSlope(1), Activation.LeakyReLU, 0.2f);
        CheckHidden(new CheckHiddenELU(1), Activation.ELU, double.NaN);
        CheckHidden(new CheckHiddenELUAlpha(1), Activation.ELU, 0.4f);
        CheckHidden(new CheckHiddenGELU(1), Activation.GELU, double.NaN);
        CheckHidden(new CheckHiddenGELUTanh(1), Activation.GELUTanh, double.NaN);
        CheckHidden(new CheckHiddenSiLU(1), Activation.SiLU, double.NaN);
        CheckHidden(new CheckHiddenSoftplus(1), Activation.Softplus, double.NaN);
        CheckHidden(new CheckHiddenSoftsign(1), Activation.Softsign, double.NaN);
        CheckHidden(new CheckHiddenHardSigmoid(1), Activation.HardSigmoid, double.NaN);
        CheckHidden(new CheckHiddenHardSwish(1), Activation.HardSwish, double.NaN);
    }

    [Fact]
    public void NewActivations_OutputPreActivationsOfPlusMinus1e4_FiniteLossAndGradients()
    {
        CheckOutput(new CheckMseLeakyReLU(1), Activation.LeakyReLU, 0.1f);
        CheckOutput(new CheckMseELU(1), Activation.ELU, 0.6f);
        CheckOutput(new CheckMseGELU(1), Activation.GELU, double.NaN);
        CheckOutput(new CheckMseGELUTanh(1), Activation.GELUTanh, double.NaN);
        CheckOutput(new CheckMseSiLU(1), Activation.SiLU, double.NaN);
        CheckOutput(new CheckMseSoftplus(1), Activation.Softplus, double.NaN);
        CheckOutput(new CheckMseSoftsign(1), Activation.Softsign, double.NaN);
        CheckOutput(new CheckMseHardSigmoid(1), Activation.HardSigmoid, double.NaN);
        CheckOutput(new CheckMseHardSwish(1), Activation.HardSwish, double.NaN);
    }

    [Fact]
    public void MeanAbsoluteError_DifferencesOf2e30_FiniteWithSignGradients()
    {
        var network = new CheckMaeIdentity(1);
        float[] targets = SetHugeDifferences(network.Parameters);

        // d = [2e30, -2e30, -0.25]: L = (4e30 + 0.25)/3, dL/da = sign(d)/3.
        float loss = network.ComputeGradients(Sample, targets, 1);
        Assert.True(float.IsFinite(loss), $"loss {loss}");
        Assert.Equal(4e30 / 3, loss, 4e30 / 3 * 1e-6);
        AssertFinite(network.Gradients);
        Assert.Equal([1f / 3, -1f / 3, -1f / 3], network.Dense1BiasGradients.ToArray());
    }

    [Fact]
    public void Huber_DifferencesOf2e30_FiniteWithClippedGradients()
    {
        var network = new CheckHuber(1);
        float[] targets = SetHugeDifferences(network.Parameters);

        // δ = 0.5, d = [2e30, -2e30, -0.25]: L = (2·δ(2e30 - δ/2) + ½·0.0625)/3, dL/da = [δ, -δ, -0.25]/3.
        float loss = network.ComputeGradients(Sample, targets, 1);
        Assert.True(float.IsFinite(loss), $"loss {loss}");
        Assert.Equal(2e30 / 3, loss, 2e30 / 3 * 1e-6);
        AssertFinite(network.Gradients);
        float[] bias = network.Dense1BiasGradients.ToArray();
        Assert.Equal(0.5 / 3, bias[0], 1e-7);
        Assert.Equal(-0.5 / 3, bias[1], 1e-7);
        Assert.Equal(-0.25 / 3, bias[2], 1e-7);
    }

    /// <summary>W1 = 0 and b1 = [1e30, -1e30, 5] so the outputs are b1; targets [-1e30, 1e30, 5.25].</summary>
    private static float[] SetHugeDifferences(Span<float> parameters)
    {
        parameters.Fill(0.5f);
        parameters.Slice(W1, 12).Clear();
        new[] { 1e30f, -1e30f, 5f }.CopyTo(parameters.Slice(B1, 3));
        return [-1e30f, 1e30f, 5.25f];
    }

    /// <summary>W0 = 0 and b0 = [1e4, -1e4, 1e4, -1e4]: the hidden pre-activations are ±1e4 whatever the input.</summary>
    private static void CheckHidden<TNetwork>(TNetwork network, Activation activation, double parameter)
        where TNetwork : IClassifier<TNetwork>
    {
        Span<float> parameters = network.Parameters;
        parameters.Slice(W0, 20).Clear();
        new[] { Huge, -Huge, Huge, -Huge }.CopyTo(parameters.Slice(B0, 4));
        float[] w1 = [0.5f, -0.25f, 0.75f, -0.5f, 1f, 0.25f, 0.3f, -0.7f, 0.2f, -0.1f, 0.6f, -0.4f];
        w1.CopyTo(parameters.Slice(W1, 12));
        parameters.Slice(B1, 3).Clear();
        var reference = new ReferenceNetwork(5, (4, activation, parameter), (3, Activation.Softmax, double.NaN));
        AssertFiniteEverywhere(network, reference, activation, n => n.ComputeGradients([.. Sample, .. Sample], [0, 2], 2));
    }

    /// <summary>W1 = 0 and b1 = [1e4, -1e4, 1e4]: the output pre-activations are ±1e4; targets 0.5.</summary>
    private static void CheckOutput<TNetwork>(TNetwork network, Activation activation, double parameter)
        where TNetwork : INetwork<TNetwork>
    {
        Span<float> parameters = network.Parameters;
        parameters.Fill(0.5f);
        parameters.Slice(W1, 12).Clear();
        new[] { Huge, -Huge, Huge }.CopyTo(parameters.Slice(B1, 3));
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh, double.NaN), (3, activation, parameter));
        float[] targets = Enumerable.Repeat(0.5f, 6).ToArray();
        AssertFiniteEverywhere(network, reference, activation, n => n.ComputeGradients([.. Sample, .. Sample], targets, 2));
    }

    private static void AssertFiniteEverywhere<TNetwork>(TNetwork network, ReferenceNetwork reference, Activation activation, Func<TNetwork, float> computeGradients)
        where TNetwork : INetwork<TNetwork>
    {
        float loss = computeGradients(network);
        Assert.True(float.IsFinite(loss), $"{activation}: loss {loss}");
        for (int i = 0; i < network.Gradients.Length; i++)
        {
            Assert.True(float.IsFinite(network.Gradients[i]), $"{activation}: gradient[{i}] = {network.Gradients[i]}");
        }

        var outputs = new float[TNetwork.OutputSize];
        network.Predict(Sample, outputs);
        double[] expected = reference.Predict(network.Parameters, Sample, 1);
        for (int k = 0; k < outputs.Length; k++)
        {
            Assert.True(
                Math.Abs(outputs[k] - expected[k]) <= 1e-6 * Math.Max(1, Math.Abs(expected[k])),
                $"{activation}: output {k} = {outputs[k]:R}, reference {expected[k]:R}");
        }
    }
}
