using System;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// The toolbox allocates nothing either: dropout masks, the activations of the runtime's ActivationFunctions, label
/// smoothing, Huber, AdamW + AMSGrad, centered RMSProp, weight decay and both clippings, after warm-up.
/// </summary>
public sealed partial class AllocationTests
{
    [Fact]
    public void ToolboxClassifier_TrainAndPredict_AllocateNothing()
    {
        var network = new AllocationToolboxClassifier(1);
        var random = new Random(3);
        float[] inputs = TestData.Uniform(random, Batch * AllocationToolboxClassifier.InputSize, -1, 1);
        int[] labels = TestData.Labels(random, Batch, AllocationToolboxClassifier.OutputSize);
        float[] targets = TestData.OneHotRows(labels, AllocationToolboxClassifier.OutputSize);
        float[] outputs = new float[Batch * AllocationToolboxClassifier.OutputSize];
        float[] output = new float[AllocationToolboxClassifier.OutputSize];

        AssertAllocatesNothing("TrainStep(labels)", () => network.TrainStep(inputs, labels, Batch));
        AssertAllocatesNothing("TrainStep(targets)", () => network.TrainStep(inputs, targets, Batch));
        AssertAllocatesNothing("TrainStep(labels), smaller batch", () => network.TrainStep(inputs.AsSpan(0, 3 * AllocationToolboxClassifier.InputSize), labels.AsSpan(0, 3), 3));
        AssertAllocatesNothing("SeedDropout + ComputeLoss(labels, training)", () =>
        {
            network.SeedDropout(5);
            network.ComputeLoss(inputs, labels, Batch, training: true);
        });
        AssertAllocatesNothing("ComputeLoss(targets)", () => network.ComputeLoss(inputs, targets, Batch));
        AssertAllocatesNothing("Predict(batch)", () => network.Predict(inputs, outputs, Batch));
        AssertAllocatesNothing("Predict(one)", () => network.Predict(inputs.AsSpan(0, AllocationToolboxClassifier.InputSize), output));
        Assert.All(network.Parameters.ToArray(), p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void ToolboxRegressor_TrainAndPredict_AllocateNothing()
    {
        var network = new AllocationToolboxRegressor(2);
        var random = new Random(4);
        float[] inputs = TestData.Uniform(random, Batch * AllocationToolboxRegressor.InputSize, -1, 1);
        float[] targets = TestData.Uniform(random, Batch * AllocationToolboxRegressor.OutputSize, 0, 2);
        float[] outputs = new float[Batch * AllocationToolboxRegressor.OutputSize];
        float[] output = new float[AllocationToolboxRegressor.OutputSize];

        AssertAllocatesNothing("TrainStep(targets)", () => network.TrainStep(inputs, targets, Batch));
        AssertAllocatesNothing("ComputeGradients + ApplyGradients", () =>
        {
            network.ComputeGradients(inputs, targets, Batch);
            network.ApplyGradients();
        });
        AssertAllocatesNothing("ComputeLoss(targets, training)", () => network.ComputeLoss(inputs, targets, Batch, training: true));
        AssertAllocatesNothing("RegularizationLoss", () => network.RegularizationLoss());
        AssertAllocatesNothing("Predict(batch)", () => network.Predict(inputs, outputs, Batch));
        AssertAllocatesNothing("Predict(one)", () => network.Predict(inputs.AsSpan(0, AllocationToolboxRegressor.InputSize), output));
        Assert.All(network.Parameters.ToArray(), p => Assert.True(float.IsFinite(p)));
    }
}
