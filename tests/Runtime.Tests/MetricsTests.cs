using System;
using Xunit;

namespace StaticNet.Tests;

public class MetricsTests
{
    // Rows are both the features and (through IdentityNetwork) the outputs.
    private static Dataset ThreeClassData() => new(
        [
            0.9f, 0.05f, 0.05f, // label 0, predicted 0
            0.1f, 0.8f, 0.1f,   // label 1, predicted 1
            0.2f, 0.3f, 0.5f,   // label 2, predicted 2
            0.6f, 0.3f, 0.1f,   // label 1, predicted 0
            0.4f, 0.4f, 0.2f,   // label 1, tie: the first maximum wins, predicted 0
            0.1f, 0.1f, 0.8f,   // label 0, predicted 2
            0.3f, 0.3f, 0.4f,   // label 2, predicted 2
        ],
        [0, 1, 2, 1, 1, 0, 2],
        3);

    [Theory]
    [InlineData(1, new[] { 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(3, new[] { 3, 3, 1 })]
    [InlineData(256, new[] { 7 })]
    public void Accuracy_CountsArgMaxPredictionsBatchByBatch(int batchSize, int[] expectedBatches)
    {
        var network = new IdentityNetwork();

        double accuracy = Metrics.Accuracy(network, ThreeClassData(), batchSize);

        Assert.Equal(4.0 / 7.0, accuracy);
        Assert.Equal(expectedBatches, network.BatchSizes);
    }

    [Fact]
    public void Accuracy_UsesTheDefaultBatchSize()
    {
        Assert.Equal(4.0 / 7.0, Metrics.Accuracy(new IdentityNetwork(), ThreeClassData()));
    }

    [Fact]
    public void ConfusionMatrix_RowsAreTrueClassesColumnsPredicted()
    {
        int[,] confusion = Metrics.ConfusionMatrix(new IdentityNetwork(), ThreeClassData(), batchSize: 2);

        int[,] expected =
        {
            { 1, 0, 1 },
            { 2, 1, 0 },
            { 0, 0, 2 },
        };
        Assert.Equal(expected, confusion);
    }

    [Fact]
    public void SingleOutput_IsClassOneAtOrAboveOneHalf()
    {
        var data = new Dataset([0.2f, 0.5f, 0.7f, 0.49f, 0.9f], [0, 1, 0, 1, 1], 1);

        double accuracy = Metrics.Accuracy(new BinaryIdentityNetwork(), data, batchSize: 2);
        int[,] confusion = Metrics.ConfusionMatrix(new BinaryIdentityNetwork(), data);

        Assert.Equal(0.6, accuracy);
        Assert.Equal(new[,] { { 1, 1 }, { 1, 2 } }, confusion);
    }

    [Fact]
    public void FeatureCountMismatch_NamesBothSizes()
    {
        var data = new Dataset(new float[8], new int[2], 4);

        var exception = Assert.Throws<ArgumentException>("data", () => Metrics.Accuracy(new IdentityNetwork(), data));

        Assert.Contains("4 features per sample", exception.Message);
        Assert.Contains("IdentityNetwork takes 3 inputs", exception.Message);
    }

    [Fact]
    public void LabelOutsideTheNetworksClasses_NamesIndexAndValue()
    {
        var data = new Dataset(new float[6], [2, 3], 3);

        var exception = Assert.Throws<ArgumentOutOfRangeException>("data", () => Metrics.ConfusionMatrix(new IdentityNetwork(), data));

        Assert.Contains("data.Labels[1] is 3", exception.Message);
        Assert.Contains("class indices for IdentityNetwork must be between 0 and 2", exception.Message);
        Assert.Equal(3, exception.ActualValue);
    }

    [Fact]
    public void LabelOutsideABinaryNetworksClasses_NamesIndexAndValue()
    {
        var data = new Dataset(new float[3], [1, 0, 2], 1);

        var exception = Assert.Throws<ArgumentOutOfRangeException>("data", () => Metrics.Accuracy(new BinaryIdentityNetwork(), data));

        Assert.Contains("data.Labels[2] is 2", exception.Message);
        Assert.Contains("class indices for BinaryIdentityNetwork must be between 0 and 1", exception.Message);
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>("data", () => Metrics.Accuracy(new IdentityNetwork(), new Dataset([], [], 3)));
        Assert.Equal(new int[3, 3], Metrics.ConfusionMatrix(new IdentityNetwork(), new Dataset([], [], 3)));
        Assert.Throws<ArgumentOutOfRangeException>("batchSize", () => Metrics.Accuracy(new IdentityNetwork(), ThreeClassData(), 0));
        Assert.Throws<ArgumentNullException>("network", () => Metrics.Accuracy<IdentityNetwork>(null!, ThreeClassData()));
        Assert.Throws<ArgumentNullException>("data", () => Metrics.Accuracy(new IdentityNetwork(), null!));
    }

    [Theory]
    [InlineData(new[] { 3f }, 0)]
    [InlineData(new[] { 1f, 5f, 2f }, 1)]
    [InlineData(new[] { -3f, -1f, -2f }, 1)]
    [InlineData(new[] { 2f, 7f, 7f, 1f }, 1)]
    [InlineData(new[] { float.NegativeInfinity, float.NegativeInfinity }, 0)]
    public void ArgMax_ReturnsTheFirstLargest(float[] values, int expected)
    {
        Assert.Equal(expected, Metrics.ArgMax(values));
    }

    [Theory]
    [InlineData(new[] { float.NaN })]
    [InlineData(new[] { float.NaN, float.NaN, float.NaN })]
    [InlineData(new[] { 1f, float.NaN, 2f })]
    [InlineData(new[] { 5f, 1f, float.NaN })]
    public void ArgMax_OfARowWithNaN_IsNoClass(float[] values)
    {
        // A diverged network's all-NaN outputs must not read as class 0.
        Assert.Equal(-1, Metrics.ArgMax(values));
    }

    [Fact]
    public void ArgMax_Empty_Throws()
    {
        Assert.Throws<ArgumentException>("values", () => Metrics.ArgMax(ReadOnlySpan<float>.Empty));
    }

    [Fact]
    public void OneHot_WritesOneRowPerLabel()
    {
        var destination = new float[3 * 4];
        destination.AsSpan().Fill(9f);

        OneHot.Encode([2, 0, 3], 4, destination);

        Assert.Equal(new float[] { 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1 }, destination);
    }

    [Fact]
    public void OneHot_WrongDestinationLength_NamesSizes()
    {
        var exception = Assert.Throws<ArgumentException>("destination", () => OneHot.Encode([1, 2], 3, new float[5]));

        Assert.Contains("6 floats (2 labels x 3 classes)", exception.Message);
        Assert.Contains("length is 5", exception.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void OneHot_LabelOutOfRange_NamesIndexAndValueAndWritesNothing(int label)
    {
        var destination = new float[9];
        destination.AsSpan().Fill(9f);

        var exception = Assert.Throws<ArgumentOutOfRangeException>("labels", () => OneHot.Encode([0, 1, label], 3, destination));

        Assert.Contains($"labels[2] is {label}; class indices must be between 0 and 2", exception.Message);
        Assert.Equal(label, exception.ActualValue);
        Assert.All(destination, value => Assert.Equal(9f, value));
    }

    [Fact]
    public void OneHot_ClassCountBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("classCount", () => OneHot.Encode([], 0, []));
    }
}
