using System;
using System.Collections.Generic;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Validation in <see cref="Trainer.Fit{TNetwork}"/> on generated classifiers: loss and accuracy come from one
/// <see cref="IClassifier{TSelf}.ComputeLoss(ReadOnlySpan{float}, ReadOnlySpan{int}, Span{float}, int)"/> call per
/// batch and are the values of <c>ComputeLoss</c> batch by batch and of <see cref="Metrics.Accuracy{TNetwork}"/>.
/// </summary>
public sealed class ValidationTests
{
    [Fact]
    public void ComputeLossWithOutputs_IsComputeLossThenPredict_BitForBit()
    {
        AssertSameAsComputeLossThenPredict(new CheckDeep(3), classes: 9, seed: 1);
        AssertSameAsComputeLossThenPredict(new CheckLabelSmoothing(3), classes: 3, seed: 2);
        AssertSameAsComputeLossThenPredict(new CheckDropout(3), classes: 3, seed: 3);
        AssertSameAsComputeLossThenPredict(new CheckBinarySingle(3), classes: 2, seed: 4);
    }

    [Fact]
    public void Fit_ValidationLossAndAccuracy_AreComputeLossAndMetricsAccuracy()
    {
        AssertFitValidationUnchanged(new CheckDeep(5), classes: 9);
        AssertFitValidationUnchanged(new CheckDeepToolbox(5), classes: 9);
        AssertFitValidationUnchanged(new CheckBinarySingle(5), classes: 2);
    }

    private static void AssertSameAsComputeLossThenPredict<TNetwork>(TNetwork network, int classes, int seed)
        where TNetwork : IClassifier<TNetwork>
    {
        const int Batch = 7;
        var random = new Random(seed);
        float[] inputs = TestData.Uniform(random, Batch * TNetwork.InputSize, -2, 2);
        int[] labels = TestData.Labels(random, Batch, classes);
        float[] outputs = new float[Batch * TNetwork.OutputSize];
        float[] predicted = new float[outputs.Length];
        int[] parameters = TestData.Bits(network.Parameters);

        float loss = network.ComputeLoss(inputs, labels, outputs, Batch);

        Assert.Equal(BitConverter.SingleToInt32Bits(network.ComputeLoss(inputs, labels, Batch)), BitConverter.SingleToInt32Bits(loss));
        network.Predict(inputs, predicted, Batch);
        Assert.Equal(TestData.Bits(predicted), TestData.Bits(outputs));
        Assert.Equal(parameters, TestData.Bits(network.Parameters));
    }

    // Each epoch's reported values against the two passes Fit used to make: ComputeLoss batch by batch, weighted by
    // batch size, then Metrics.Accuracy with the same batch size. 23 samples in batches of 5: a partial last batch.
    private static void AssertFitValidationUnchanged<TNetwork>(TNetwork network, int classes)
        where TNetwork : IClassifier<TNetwork>
    {
        const int BatchSize = 5;
        var random = new Random(7);
        Dataset training = Samples<TNetwork>(random, 40, classes);
        Dataset validation = Samples<TNetwork>(random, 23, classes);
        var expected = new List<(double Loss, double Accuracy)>();

        TrainingHistory history = Trainer.Fit(network, training, new FitOptions
        {
            Epochs = 3,
            BatchSize = BatchSize,
            Validation = validation,
            OnEpochEnd = _ => expected.Add((MeanLoss(network, validation, BatchSize), Metrics.Accuracy(network, validation, BatchSize))),
        });

        Assert.Equal(3, history.Epochs.Count);
        for (int i = 0; i < history.Epochs.Count; i++)
        {
            Assert.Equal(expected[i].Loss, history.Epochs[i].ValidationLoss);
            Assert.Equal(expected[i].Accuracy, history.Epochs[i].ValidationAccuracy);
        }
    }

    private static double MeanLoss<TNetwork>(TNetwork network, Dataset data, int batchSize)
        where TNetwork : IClassifier<TNetwork>
    {
        int inputSize = TNetwork.InputSize;
        double lossSum = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int size = Math.Min(batchSize, data.Count - start);
            float loss = network.ComputeLoss(data.Features.Slice(start * inputSize, size * inputSize), data.Labels.Slice(start, size), size);
            lossSum += (double)loss * size;
        }

        return lossSum / data.Count;
    }

    private static Dataset Samples<TNetwork>(Random random, int count, int classes)
        where TNetwork : IClassifier<TNetwork> =>
        new(TestData.Uniform(random, count * TNetwork.InputSize, -2, 2), TestData.Labels(random, count, classes), TNetwork.InputSize);
}
