using System;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// After warm-up (workspaces grown to the largest batch, methods jitted), training steps and predictions allocate
/// nothing: 0 bytes over many calls, measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/> on the calling thread.
/// </summary>
public sealed partial class AllocationTests
{
    private const int Calls = 500;
    private const int Batch = 8;

    [Fact]
    public void Classifier_TrainAndPredict_AllocateNothing()
    {
        var network = new AllocationClassifier(1);
        var random = new Random(1);
        float[] inputs = TestData.Uniform(random, Batch * AllocationClassifier.InputSize, 0, 1);
        int[] labels = TestData.Labels(random, Batch, AllocationClassifier.OutputSize);
        float[] targets = TestData.OneHotRows(labels, AllocationClassifier.OutputSize);
        float[] outputs = new float[Batch * AllocationClassifier.OutputSize];
        float[] output = new float[AllocationClassifier.OutputSize];

        AssertAllocatesNothing("TrainStep(labels)", () => network.TrainStep(inputs, labels, Batch));
        AssertAllocatesNothing("TrainStep(targets)", () => network.TrainStep(inputs, targets, Batch));
        AssertAllocatesNothing("TrainStep(labels), smaller batch", () => network.TrainStep(inputs.AsSpan(0, 3 * AllocationClassifier.InputSize), labels.AsSpan(0, 3), 3));
        AssertAllocatesNothing("ComputeLoss(labels)", () => network.ComputeLoss(inputs, labels, Batch));
        AssertAllocatesNothing("ComputeLoss(targets)", () => network.ComputeLoss(inputs, targets, Batch));
        AssertAllocatesNothing("RegularizationLoss", () => network.RegularizationLoss());
        AssertAllocatesNothing("Predict(batch)", () => network.Predict(inputs, outputs, Batch));
        AssertAllocatesNothing("Predict(one)", () => network.Predict(inputs.AsSpan(0, AllocationClassifier.InputSize), output));
    }

    [Fact]
    public void Regressor_TrainAndPredict_AllocateNothing()
    {
        var network = new AllocationRegressor(1);
        var random = new Random(2);
        float[] inputs = TestData.Uniform(random, Batch * AllocationRegressor.InputSize, -1, 1);
        float[] targets = TestData.Uniform(random, Batch * AllocationRegressor.OutputSize, -1, 1);
        float[] outputs = new float[Batch * AllocationRegressor.OutputSize];
        float[] output = new float[AllocationRegressor.OutputSize];

        AssertAllocatesNothing("TrainStep(targets)", () => network.TrainStep(inputs, targets, Batch));
        AssertAllocatesNothing("ComputeGradients + ApplyGradients", () =>
        {
            network.ComputeGradients(inputs, targets, Batch);
            network.ApplyGradients();
        });
        AssertAllocatesNothing("Predict(batch)", () => network.Predict(inputs, outputs, Batch));
        AssertAllocatesNothing("Predict(one)", () => network.Predict(inputs.AsSpan(0, AllocationRegressor.InputSize), output));
    }

    private static void AssertAllocatesNothing(string what, Action call)
    {
        // Warm-up: grows the workspaces and lets the JIT finish tiering up the methods.
        for (int i = 0; i < 200; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            call();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{what} allocated {allocated} bytes in {Calls} calls ({allocated / (double)Calls:F1} per call)");
    }
}
