using System;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Bad arguments throw an <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>) whose ParamName
/// names the parameter and whose message gives the expected and actual sizes; a rejected call changes nothing.
/// </summary>
public sealed class ArgumentTests
{
    // CheckHiddenTanh: 5 inputs, 3 Softmax outputs, CrossEntropy (labels in [0, 3)).
    private const int In = CheckHiddenTanh.InputSize;
    private const int Out = CheckHiddenTanh.OutputSize;

    [Fact]
    public void Predict_One()
    {
        var network = NewClassifier();
        AssertRejected(network, "input", () => network.Predict(new float[In - 1], new float[Out]), "4", "5");
        AssertRejected(network, "input", () => network.Predict(new float[In + 1], new float[Out]));
        AssertRejected(network, "input", () => network.Predict(ReadOnlySpan<float>.Empty, new float[Out]));
        AssertRejected(network, "output", () => network.Predict(new float[In], new float[Out + 1]), "4", "3");
        AssertRejected(network, "output", () => network.Predict(new float[In], Span<float>.Empty));
    }

    [Fact]
    public void Predict_Batch()
    {
        var network = NewClassifier();
        AssertRejected(network, "inputs", () => network.Predict(new float[2 * In + 1], new float[2 * Out], 2), "11", "10");
        AssertRejected(network, "inputs", () => network.Predict(new float[3 * In], new float[2 * Out], 2));
        AssertRejected(network, "outputs", () => network.Predict(new float[2 * In], new float[2 * Out - 1], 2), "5", "6");
        foreach (int batchSize in BadBatchSizes)
        {
            AssertRejected(network, "batchSize", () => network.Predict(new float[2 * In], new float[2 * Out], batchSize));
        }
    }

    [Fact]
    public void TrainStep_ComputeGradients_ComputeLoss_WithTargets()
    {
        var network = NewClassifier();
        foreach (Func<CheckHiddenTanh, float[], float[], int, float> method in TargetMethods)
        {
            AssertRejected(network, "inputs", () => method(network, new float[2 * In - 1], new float[2 * Out], 2), "9", "10");
            AssertRejected(network, "targets", () => method(network, new float[2 * In], new float[2 * Out + 1], 2), "7", "6");
            AssertRejected(network, "targets", () => method(network, new float[2 * In], new float[Out], 2));
            foreach (int batchSize in BadBatchSizes)
            {
                AssertRejected(network, "batchSize", () => method(network, new float[2 * In], new float[2 * Out], batchSize));
            }
        }
    }

    [Fact]
    public void TrainStep_ComputeGradients_ComputeLoss_WithLabels()
    {
        var network = NewClassifier();
        foreach (Func<CheckHiddenTanh, float[], int[], int, float> method in LabelMethods<CheckHiddenTanh>())
        {
            AssertRejected(network, "inputs", () => method(network, new float[2 * In + 2], [0, 1], 2));
            AssertRejected(network, "labels", () => method(network, new float[2 * In], [0, 1, 2], 2), "3", "2");
            AssertRejected(network, "labels", () => method(network, new float[2 * In], [0], 2));
            AssertRejected(network, "labels", () => method(network, new float[2 * In], [0, -1], 2));
            AssertRejected(network, "labels", () => method(network, new float[2 * In], [Out, 0], 2));
            AssertRejected(network, "labels", () => method(network, new float[2 * In], [int.MinValue, 0], 2));
            foreach (int batchSize in BadBatchSizes)
            {
                AssertRejected(network, "batchSize", () => method(network, new float[2 * In], [0, 1], batchSize));
            }
        }
    }

    [Fact]
    public void BinaryLabels_MustBe0Or1()
    {
        var network = new CheckBinarySingle(1);
        network.ComputeGradients(new float[5], [1], 1);
        foreach (Func<CheckBinarySingle, float[], int[], int, float> method in LabelMethods<CheckBinarySingle>())
        {
            AssertRejected(network, "labels", () => method(network, new float[2 * 5], [0, 2], 2));
            AssertRejected(network, "labels", () => method(network, new float[2 * 5], [-1, 1], 2));
        }
    }

    [Fact]
    public void Regressor_WithTargets()
    {
        var network = new CheckMseTanh(1);
        network.ComputeGradients(new float[5], new float[3], 1);
        AssertRejected(network, "targets", () => network.TrainStep(new float[5], new float[2], 1));
        AssertRejected(network, "inputs", () => network.ComputeGradients(new float[4], new float[3], 1));
        AssertRejected(network, "batchSize", () => network.ComputeLoss(new float[5], new float[3], 0));
    }

    private static readonly int[] BadBatchSizes = [0, -1, int.MinValue, CheckHiddenTanh.MaxBatchSize + 1];

    private static readonly Func<CheckHiddenTanh, float[], float[], int, float>[] TargetMethods =
    [
        (n, x, y, b) => n.TrainStep(x, y, b),
        (n, x, y, b) => n.ComputeGradients(x, y, b),
        (n, x, y, b) => n.ComputeLoss(x, y, b),
    ];

    private static Func<TNetwork, float[], int[], int, float>[] LabelMethods<TNetwork>()
        where TNetwork : IClassifier<TNetwork> =>
    [
        (n, x, y, b) => n.TrainStep(x, y, b),
        (n, x, y, b) => n.ComputeGradients(x, y, b),
        (n, x, y, b) => n.ComputeLoss(x, y, b),
    ];

    /// <summary>A classifier with non-trivial gradients already computed, so that "unchanged" means something.</summary>
    private static CheckHiddenTanh NewClassifier()
    {
        var network = new CheckHiddenTanh(1);
        network.ComputeGradients(TestData.Uniform(new Random(1), 2 * In, -1, 1), [0, 2], 2);
        return network;
    }

    private static void AssertRejected<TNetwork>(TNetwork network, string parameter, Action call, params string[] messageParts)
        where TNetwork : INetwork<TNetwork>
    {
        int[] parameters = TestData.Bits(network.Parameters);
        int[] gradients = TestData.Bits(network.Gradients);
        long steps = network.StepCount;

        var exception = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, exception.ParamName);
        foreach (string part in messageParts)
        {
            Assert.Contains(part, exception.Message, StringComparison.Ordinal);
        }

        Assert.Equal(parameters, TestData.Bits(network.Parameters));
        Assert.Equal(gradients, TestData.Bits(network.Gradients));
        Assert.Equal(steps, network.StepCount);
    }
}
