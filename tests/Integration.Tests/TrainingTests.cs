using System;
using System.Diagnostics;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Integration.Tests;

/// <summary>End-to-end training with fixed seeds: XOR, and Fashion-MNIST on the slice shipped in the repository.</summary>
public sealed class TrainingTests(ITestOutputHelper output)
{
    private const int Epochs = 8;

    [Fact]
    public void Xor_LearnsAllFourCases()
    {
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
        int[] labels = [0, 1, 1, 0];
        var network = new XorNet(1);
        float loss = float.NaN;
        // Seeds 1 to 20 all reach a loss below 0.003 by step 500 (seed 1: about 5e-4).
        for (int epoch = 1; epoch <= 500; epoch++)
        {
            loss = network.TrainStep(inputs, labels, 4);
        }

        output.WriteLine($"XOR loss after 500 full-batch steps: {loss}");
        Assert.True(loss < 0.01f, $"loss {loss}");
        var probability = new float[1];
        for (int i = 0; i < 4; i++)
        {
            network.Predict(inputs.AsSpan(i * 2, 2), probability);
            output.WriteLine($"{inputs[i * 2]} xor {inputs[i * 2 + 1]} -> {probability[0]:F4}");
            Assert.True(labels[i] == 1 ? probability[0] > 0.9f : probability[0] < 0.1f, $"sample {i}: label {labels[i]}, predicted {probability[0]}");
        }

        Assert.Equal(1.0, Metrics.Accuracy(network, new Dataset(inputs, labels, 2)));
    }

    [Fact]
    public void FashionMnistSlice_ReachesAccuracy_AndTrainsBitIdenticallyFromTheSameSeed()
    {
        Dataset training = FashionMnist.LoadTraining(TestData.FashionMnistSlice);
        Dataset test = FashionMnist.LoadTest(TestData.FashionMnistSlice);
        Assert.Equal(2000, training.Count);
        Assert.Equal(1000, test.Count);

        var clock = Stopwatch.StartNew();
        // Seeds 1 to 6 reach 0.80 to 0.83 after 8 epochs of batches of 32 (seed 1: 0.830), with vectors of 4 or 8 floats.
        FashionNet first = Train(training, seed: 1);
        double accuracy = Metrics.Accuracy(first, test);
        output.WriteLine($"test accuracy {accuracy:F4} after {Epochs} epochs ({clock.Elapsed.TotalSeconds:F1} s)");
        Assert.True(accuracy >= 0.75, $"test accuracy {accuracy}");

        FashionNet second = Train(training, seed: 1);
        Assert.True(TestData.Bits(first.Parameters).SequenceEqual(TestData.Bits(second.Parameters)), "the same seed gave different parameters");
        Assert.Equal(accuracy, Metrics.Accuracy(second, test));
    }

    private static FashionNet Train(Dataset training, int seed)
    {
        var network = new FashionNet(seed);
        var batches = new BatchIterator(training, batchSize: 32);
        var shuffle = new Random(seed);
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            batches.Shuffle(shuffle);
            while (batches.MoveNext())
            {
                float loss = network.TrainStep(batches.Inputs, batches.Labels, batches.Size);
                Assert.True(float.IsFinite(loss));
            }
        }

        return network;
    }
}
