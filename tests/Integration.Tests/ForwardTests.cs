using System;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Predict and the loss on weights set by hand, against values computed by hand (2-3-2 networks) or by an independent
/// double-precision forward pass (a network wide enough for the vector tiles).
/// </summary>
public sealed class ForwardTests
{
    // The 2-3-2 networks below all get these parameters. Weights are [inputs x units] row-major.
    //   W0 = [[1,   -1,    0.5],     b0 = [0.5, 0.25, 1]
    //         [0.5,  1,   -2  ]]
    //   W1 = [[ 1,  -1  ],           b1 = [0.25, -0.5]
    //         [ 2,   0.5],
    //         [-1,   3  ]]
    private static readonly float[] W0 = [1f, -1f, 0.5f, 0.5f, 1f, -2f];
    private static readonly float[] B0 = [0.5f, 0.25f, 1f];
    private static readonly float[] W1 = [1f, -1f, 2f, 0.5f, -1f, 3f];
    private static readonly float[] B1 = [0.25f, -0.5f];

    // Sample A = [1, 2]:    z0 = [1 + 1 + 0.5, -1 + 2 + 0.25, 0.5 - 4 + 1] = [2.5, 1.25, -2.5]; ReLU -> [2.5, 1.25, 0]
    //                       z1 = [2.5 + 2.5 + 0 + 0.25, -2.5 + 0.625 + 0 - 0.5] = [5.25, -2.375]
    // Sample B = [-1, 0.5]: z0 = [-1 + 0.25 + 0.5, 1 + 0.5 + 0.25, -0.5 - 1 + 1] = [-0.25, 1.75, -0.5]; ReLU -> [0, 1.75, 0]
    //                       z1 = [3.5 + 0.25, 0.875 - 0.5] = [3.75, 0.375]
    private static readonly float[] Inputs = [1f, 2f, -1f, 0.5f];

    [Fact]
    public void Layout_OffsetsAndViews()
    {
        // Each tensor starts on a 64-byte line (16 floats); the buffer ends on one.
        Assert.Equal(17, Forward232Identity.ParameterCount);
        Assert.Equal(64, Forward232Identity.ParameterBufferLength);
        Assert.Equal(0, Forward232Identity.Dense0WeightsOffset);
        Assert.Equal(16, Forward232Identity.Dense0BiasOffset);
        Assert.Equal(32, Forward232Identity.Dense1WeightsOffset);
        Assert.Equal(48, Forward232Identity.Dense1BiasOffset);

        var network = new Forward232Identity();
        SetWeights(network.Dense0Weights, network.Dense0Bias, network.Dense1Weights, network.Dense1Bias);
        float[] padding10 = new float[10], padding13 = new float[13], padding14 = new float[14];
        Assert.Equal([.. W0, .. padding10, .. B0, .. padding13, .. W1, .. padding10, .. B1, .. padding14], network.Parameters.ToArray());
        Assert.Equal(64, network.Parameters.Length);
        Assert.Equal(64, network.Gradients.Length);
        Assert.Equal(0, Address(network.Dense0Weights) % 64);
        Assert.Equal(0, Address(network.Dense0Bias) % 64);
        Assert.Equal(0, Address(network.Dense1Weights) % 64);
        Assert.Equal(0, Address(network.Dense1Bias) % 64);
        Assert.Equal(0, Address(network.Dense1WeightGradients) % 64);
        Assert.Equal(0, Address(network.Dense1BiasGradients) % 64);
    }

    private static nint Address(Span<float> span) =>
        System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref System.Runtime.CompilerServices.Unsafe.NullRef<float>(), ref System.Runtime.InteropServices.MemoryMarshal.GetReference(span));

    [Fact]
    public void ReLUThenIdentity_EqualsHandComputedValues()
    {
        var network = new Forward232Identity();
        SetWeights(network.Dense0Weights, network.Dense0Bias, network.Dense1Weights, network.Dense1Bias);

        // Every value is exact in float.
        AssertPredictions(network, [5.25f, -2.375f, 3.75f, 0.375f], tolerance: 0);

        // MSE with targets A -> [5, -2], B -> [4, 0]: differences ±0.25 and ±0.375, so (2·0.0625 + 2·0.140625) / 4 = 0.1015625.
        Assert.Equal(0.1015625f, network.ComputeLoss(Inputs, [5f, -2f, 4f, 0f], 2));
    }

    [Fact]
    public void ReLUThenSoftmax_EqualsHandComputedValues()
    {
        var network = new Forward232Softmax();
        SetWeights(network.Dense0Weights, network.Dense0Bias, network.Dense1Weights, network.Dense1Bias);

        // Softmax of two logits is [1, e^-d] / (1 + e^-d) with d their difference: A: d = 7.625, B: d = 3.375.
        //   A: [0.9995121428772178, 0.000487857122782266]   B: [0.9669140216112958, 0.033085978388704126]
        AssertPredictions(network, [0.99951214f, 0.00048785712f, 0.96691402f, 0.033085978f], tolerance: 1e-6f);

        // CrossEntropy, labels A -> 0, B -> 1: (log(1 + e^-7.625) + 3.375 + log(1 + e^-3.375)) / 2
        //   = (0.000487976163786633 + 3.4086456999830386) / 2 = 1.704566838073413
        Assert.Equal(1.704566838073413, network.ComputeLoss(Inputs, [0, 1], 2), 1e-6);
        Assert.Equal(1.704566838073413, network.ComputeLoss(Inputs, [1f, 0f, 0f, 1f], 2), 1e-6);
    }

    [Fact]
    public void TanhThenSigmoid_EqualsHandComputedValues()
    {
        var network = new Forward232Sigmoid();
        SetWeights(network.Dense0Weights, network.Dense0Bias, network.Dense1Weights, network.Dense1Bias);

        // Sample A: tanh([2.5, 1.25, -2.5]) = [0.9866142981514303, 0.8482836399575129, -0.9866142981514303]
        //   z1 = [t0 + 2 t1 - t2 + 0.25, -t0 + 0.5 t1 + 3 t2 - 0.5] = [3.9197958762178864, -4.022315372626965]
        //   sigmoid(z1) = [0.9805410210652921, 0.017596270584592844]
        Span<float> output = stackalloc float[2];
        network.Predict([1f, 2f], output);
        Assert.Equal(0.98054102f, output[0], 1e-6f);
        Assert.Equal(0.017596271f, output[1], 1e-6f);

        // BinaryCrossEntropy with targets [1, 0]: (-log 0.98054102 - log(1 - 0.01759627)) / 2 = 0.018701861351880025
        Assert.Equal(0.018701861351880025, network.ComputeLoss([1f, 2f], [1f, 0f], 1), 1e-6);
    }

    [Fact]
    public void WideNetwork_MatchesDoublePrecisionReference()
    {
        // 13-37-21-11: 37 and 21 outputs fill vector tiles and leave scalar tails whatever the vector width; 7 samples
        // are one row tile of 4 and a tail of 3.
        var network = new ForwardWide(3);
        var reference = new ReferenceNetwork(13, (37, Activation.Sigmoid), (21, Activation.Tanh), (11, Activation.Softmax));
        var random = new Random(5);
        // The padding between tensors gets values too: no output may depend on it.
        TestData.Uniform(random, ForwardWide.ParameterBufferLength, -0.5, 0.5).CopyTo(network.Parameters);
        const int batch = 7;
        float[] inputs = TestData.Uniform(random, batch * ForwardWide.InputSize, -1, 1);
        double[] expected = reference.Predict(network.Parameters, inputs, batch);

        var outputs = new float[batch * ForwardWide.OutputSize];
        network.Predict(inputs, outputs, batch);
        for (int i = 0; i < outputs.Length; i++)
        {
            Assert.Equal(expected[i], outputs[i], 1e-6);
        }

        // One sample at a time gives the same values.
        var one = new float[ForwardWide.OutputSize];
        for (int b = 0; b < batch; b++)
        {
            network.Predict(inputs.AsSpan(b * ForwardWide.InputSize, ForwardWide.InputSize), one);
            for (int k = 0; k < one.Length; k++)
            {
                Assert.Equal(expected[b * ForwardWide.OutputSize + k], one[k], 1e-6);
            }
        }

        // MeanSquaredError from the reference outputs.
        float[] targets = TestData.ProbabilityRows(random, batch, ForwardWide.OutputSize);
        double mse = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            mse += (expected[i] - targets[i]) * (expected[i] - targets[i]);
        }

        Assert.Equal(mse / targets.Length, network.ComputeLoss(inputs, targets, batch), 1e-7);
    }

    [Fact]
    public void Losses_MatchTheirDefinitionsOnAReferenceForwardPass()
    {
        var random = new Random(6);
        const int batch = 5;

        // CrossEntropy: mean over the batch of -Σ y log softmax(z), from labels and from soft rows.
        var classifier = new CheckHiddenTanh(2);
        var classifierReference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax));
        float[] inputs = TestData.Uniform(random, batch * 5, -1, 1);
        int[] labels = TestData.Labels(random, batch, 3);
        float[] soft = TestData.ProbabilityRows(random, batch, 3);
        double[] p = classifierReference.Predict(classifier.Parameters, inputs, batch);
        double fromLabels = 0;
        double fromSoft = 0;
        for (int b = 0; b < batch; b++)
        {
            fromLabels -= Math.Log(p[b * 3 + labels[b]]);
            for (int k = 0; k < 3; k++)
            {
                fromSoft -= soft[b * 3 + k] * Math.Log(p[b * 3 + k]);
            }
        }

        Assert.Equal(fromLabels / batch, classifier.ComputeLoss(inputs, labels, batch), 1e-6);
        Assert.Equal(fromSoft / batch, classifier.ComputeLoss(inputs, soft, batch), 1e-6);

        // BinaryCrossEntropy: mean over batch and outputs of -(y log p + (1-y) log(1-p)).
        var binary = new CheckBinaryMulti(2);
        var binaryReference = new ReferenceNetwork(5, (4, Activation.ReLU), (3, Activation.Sigmoid));
        float[] targets = TestData.Uniform(random, batch * 3, 0, 1);
        targets[0] = 0;
        targets[1] = 1;
        double[] q = binaryReference.Predict(binary.Parameters, inputs, batch);
        double bce = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            bce -= targets[i] * Math.Log(q[i]) + (1 - targets[i]) * Math.Log(1 - q[i]);
        }

        Assert.Equal(bce / targets.Length, binary.ComputeLoss(inputs, targets, batch), 1e-6);

        // MeanSquaredError: mean over batch and outputs of (a - y)², here on Sigmoid outputs (not fused).
        var regressor = new CheckMseSigmoid(2);
        double[] r = new ReferenceNetwork(5, (4, Activation.ReLU), (3, Activation.Sigmoid)).Predict(regressor.Parameters, inputs, batch);
        double mse = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            mse += (r[i] - targets[i]) * (r[i] - targets[i]);
        }

        Assert.Equal(mse / targets.Length, regressor.ComputeLoss(inputs, targets, batch), 1e-7);
        var outputs = new float[batch * 3];
        binary.Predict(inputs, outputs, batch);
        for (int i = 0; i < outputs.Length; i++)
        {
            Assert.Equal(q[i], outputs[i], 1e-6);
        }
    }

    private static void SetWeights(Span<float> w0, Span<float> b0, Span<float> w1, Span<float> b1)
    {
        W0.CopyTo(w0);
        B0.CopyTo(b0);
        W1.CopyTo(w1);
        B1.CopyTo(b1);
    }

    private static void AssertPredictions<TNetwork>(TNetwork network, float[] expected, float tolerance)
        where TNetwork : INetwork<TNetwork>
    {
        // One sample at a time.
        Span<float> output = stackalloc float[2];
        for (int b = 0; b < 2; b++)
        {
            network.Predict(Inputs.AsSpan(b * 2, 2), output);
            Assert.Equal(expected[b * 2], output[0], tolerance);
            Assert.Equal(expected[b * 2 + 1], output[1], tolerance);
        }

        // As a batch of 2, and as a batch of 5 (a row tile of 4 and a tail) alternating the two samples.
        var outputs = new float[4];
        network.Predict(Inputs, outputs, 2);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], outputs[i], tolerance);
        }

        var inputs5 = new float[10];
        for (int b = 0; b < 5; b++)
        {
            Inputs.AsSpan((b % 2) * 2, 2).CopyTo(inputs5.AsSpan(b * 2));
        }

        var outputs5 = new float[10];
        network.Predict(inputs5, outputs5, 5);
        for (int b = 0; b < 5; b++)
        {
            Assert.Equal(expected[(b % 2) * 2], outputs5[b * 2], tolerance);
            Assert.Equal(expected[(b % 2) * 2 + 1], outputs5[b * 2 + 1], tolerance);
        }
    }
}
