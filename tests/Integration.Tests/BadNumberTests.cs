using System;
using System.Linq;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>Bad numbers are caught where they enter: targets that are not what the loss takes, and training that diverges.</summary>
public sealed class BadNumberTests
{
    [Fact]
    public void CrossEntropyTargets_ThatAreNotDistributions_AreRefused_BeforeAnythingChanges()
    {
        var network = new FileDeep(1);
        int[] before = TestData.Bits(network.Parameters);
        float[] inputs = new float[2 * FileDeep.InputSize];
        float[] targets = new float[2 * FileDeep.OutputSize];
        targets[0] = 1;
        targets[FileDeep.OutputSize] = 0.5f; // row 1 sums to 0.5

        var e = Assert.Throws<ArgumentException>(() => network.TrainStep(inputs, targets, 2));
        Assert.Contains("Row 1 of targets sums to 0.5", e.Message);

        targets[FileDeep.OutputSize] = 1.5f;
        targets[FileDeep.OutputSize + 1] = -0.5f;
        e = Assert.Throws<ArgumentException>(() => network.TrainStep(inputs, targets, 2));
        Assert.Contains("targets[1, 0] is 1.5", e.Message);
        Assert.Equal(before, TestData.Bits(network.Parameters));
        Assert.Equal(0, network.StepCount);
    }

    [Theory]
    [InlineData(1.5f)]
    [InlineData(-0.1f)]
    [InlineData(float.NaN)]
    public void BinaryCrossEntropyTargets_OutsideZeroOne_AreRefused(float target)
    {
        var network = new File421(1);
        int[] before = TestData.Bits(network.Parameters);

        var e = Assert.Throws<ArgumentException>(() => network.TrainStep(new float[2 * 4], new[] { 1f, target }, 2));

        Assert.Contains("targets[1, 0] is", e.Message);
        Assert.Equal(before, TestData.Bits(network.Parameters));
    }

    [Fact]
    public void RegressionTargets_ThatAreNotFinite_AreRefused()
    {
        var network = new OnnxThird(1);
        float[] targets = new float[2 * OnnxThird.OutputSize];
        targets[4] = float.PositiveInfinity;

        int[] before = TestData.Bits(network.Parameters);

        var e = Assert.Throws<ArgumentException>(() => network.TrainStep(new float[2 * OnnxThird.InputSize], targets, 2));

        Assert.StartsWith("targets[1, 1] is Infinity", e.Message);
        Assert.Equal(before, TestData.Bits(network.Parameters));
    }

    [Fact]
    public void ACustomLoop_CheckingEachBatch_RefusesInfiniteInputs_BeforeTheStep()
    {
        // A regression network given +∞ inputs returns a finite loss and non-finite parameters: a loop that checks
        // its batches (FiniteCheck, about 4 µs for 64 x 784 values) stops at the row and the feature.
        var network = new OnnxThird(1);
        int[] before = TestData.Bits(network.Parameters);
        float[] inputs = new float[3 * OnnxThird.InputSize];
        inputs[(2 * OnnxThird.InputSize) + 5] = float.PositiveInfinity;

        var e = Assert.Throws<ArgumentException>(() =>
        {
            FiniteCheck.ThrowIfNonFinite(inputs, OnnxThird.InputSize, nameof(inputs));
            network.TrainStep(inputs, new float[3 * OnnxThird.OutputSize], 3);
        });

        Assert.StartsWith("inputs[2, 5] is Infinity", e.Message);
        Assert.Equal(before, TestData.Bits(network.Parameters));
    }

    [Fact]
    public void ADivergedNetwork_ScoresNoClass_AndHasNoConfusionMatrix()
    {
        (Dataset data, FileDeep network) = Diverging();
        network.Parameters.Fill(float.NaN);

        Assert.Equal(0, Metrics.Accuracy(network, data));
        var e = Assert.Throws<InvalidOperationException>(() => Metrics.ConfusionMatrix(network, data));
        Assert.Contains("predicts NaN for sample 0", e.Message);
    }

    [Fact]
    public void Fit_WhoseLastStepLeavesTheParametersInfinite_WithAFiniteLoss_StillDetectsIt()
    {
        // One batch per epoch: the step's loss (of the parameters before it) is finite, the parameters after it not.
        (Dataset data, FileDeep network) = Diverging();
        network.LearningRate = float.MaxValue;

        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Fit(network, data, new FitOptions { Epochs = 1, BatchSize = 64 }));

        Assert.Equal(new Divergence(1, 1, float.NaN), e.Divergence);
        Assert.Contains("the parameters became NaN or infinite", e.Message);
        Assert.Equal(-1, FiniteCheck.IndexOfNonFinite(network.Parameters));
    }

    [Fact]
    public void Fit_ThatDiverges_ThrowsNamingEpochAndStep_AndRestoresTheEpochsStartParameters()
    {
        (Dataset data, FileDeep network) = Diverging();
        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Fit(network, data, new FitOptions { Epochs = 50, BatchSize = 8, Seed = 3 }));

        Assert.False(float.IsFinite(e.Divergence.Loss));
        Assert.Contains($"epoch {e.Divergence.Epoch}, step {e.Divergence.Step}", e.Message);
        Assert.Equal(-1, FiniteCheck.IndexOfNonFinite(network.Parameters));
    }

    [Fact]
    public void Fit_ThatDiverges_CanStopAndKeepTheLastGoodParameters()
    {
        (Dataset data, FileDeep network) = Diverging();

        TrainingHistory history = Trainer.Fit(network, data, new FitOptions { Epochs = 50, BatchSize = 8, Seed = 3, OnDivergence = DivergenceAction.StopAndRestore });

        Assert.NotNull(history.Divergence);
        Assert.Equal(history.Divergence!.Epoch - 1, history.Epochs.Count);
        Assert.Equal(-1, FiniteCheck.IndexOfNonFinite(network.Parameters));
        Assert.InRange(Metrics.Accuracy(network, data), 0, 1);
    }

    // A classifier with a learning rate no training survives.
    private static (Dataset Data, FileDeep Network) Diverging()
    {
        var random = new Random(2);
        float[] features = TestData.Uniform(random, 64 * FileDeep.InputSize, -1, 1);
        int[] labels = Enumerable.Range(0, 64).Select(i => i % FileDeep.OutputSize).ToArray();
        return (new Dataset(features, labels, FileDeep.InputSize), new FileDeep(4) { LearningRate = 1e30f });
    }
}
