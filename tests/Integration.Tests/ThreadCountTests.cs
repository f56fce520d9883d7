using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// 784 → 128 → 64 → 10: every product at batch 64 is large enough to be split between two threads by rows, the first
/// layer's forward product at batch 1 by depth, and its 109,386 parameters make an optimizer sweep split in halves.
/// </summary>
[Network(InputSize = 784)]
[Dense(128, Activation.ReLU)]
[Dense(64, Activation.Tanh)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3f)]
public partial class SplitAcrossThreads { }

/// <summary>
/// The kernels split large products by rows or by depth, and long optimizer sweeps in halves, between two threads
/// (<see cref="Parallelism"/>); each element is computed the same way either way, so training and prediction are
/// bit-identical for 1 and 2 threads.
/// </summary>
[Collection(nameof(ParallelismSetting))]
public sealed class ThreadCountTests
{
    [Fact]
    public void Training_IsBitIdentical_ForOneAndTwoThreads()
    {
        long before = Parallelism.SplitProducts;
        (int[] oneParameters, int[] oneOutputs, float[] oneLosses) = Train(threads: 1);
        (int[] twoParameters, int[] twoOutputs, float[] twoLosses) = Train(threads: 2);
        Assert.True(Parallelism.SplitProducts > before, "With 2 threads no product was split: the comparison would be vacuous.");
        Assert.Equal(oneLosses, twoLosses);
        Assert.Equal(oneParameters, twoParameters);
        Assert.Equal(oneOutputs, twoOutputs);
    }

    [Fact]
    public void TwoNetworksOnTwoThreads_ShareTheHelper_AndEachTrainsAsAlone()
    {
        // Both instances want the one helper thread at once: whichever does not get it computes its product alone.
        (int[] Parameters, int[] Outputs, float[] Losses) alone = Train(threads: 2);
        var results = new (int[] Parameters, int[] Outputs, float[] Losses)[4];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = TrainOnce());
        foreach ((int[] parameters, int[] outputs, float[] losses) in results)
        {
            Assert.Equal(alone.Losses, losses);
            Assert.Equal(alone.Parameters, parameters);
            Assert.Equal(alone.Outputs, outputs);
        }
    }

    [Fact]
    public void MaxThreads_AcceptsOneOrTwo_AndRejectsOthers()
    {
        int before = Parallelism.MaxThreads;
        try
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.MaxThreads = 0);
            Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.MaxThreads = 3);
            Assert.Equal(before, Parallelism.MaxThreads);
            Parallelism.MaxThreads = 1;
            Assert.Equal(1, Parallelism.MaxThreads);
        }
        finally
        {
            Parallelism.MaxThreads = before;
        }
    }

    private static (int[] Parameters, int[] Outputs, float[] Losses) Train(int threads)
    {
        int before = Parallelism.MaxThreads;
        Parallelism.MaxThreads = threads;
        try
        {
            return TrainOnce();
        }
        finally
        {
            Parallelism.MaxThreads = before;
        }
    }

    // Six training steps and a prediction of a fresh instance, at whatever MaxThreads is.
    private static (int[] Parameters, int[] Outputs, float[] Losses) TrainOnce()
    {
        var network = new SplitAcrossThreads(5);
        var random = new Random(9);
        var losses = new float[6];
        foreach (int step in Enumerable.Range(0, losses.Length))
        {
            int batch = (step % 3) switch { 0 => 64, 1 => 37, _ => 1 }; // 37: a remainder row tile; 1: split by depth
            float[] inputs = TestData.Uniform(random, batch * 784, 0, 1);
            int[] labels = TestData.Labels(random, batch, 10);
            losses[step] = network.TrainStep(inputs, labels, batch);
        }

        float[] sample = TestData.Uniform(random, 100 * 784, 0, 1);
        var outputs = new float[101 * 10];
        network.Predict(sample, outputs.AsSpan(0, 100 * 10), 100);
        network.Predict(sample.AsSpan(0, 784), outputs.AsSpan(100 * 10), 1);
        return (TestData.Bits(network.Parameters), TestData.Bits(outputs), losses);
    }
}

/// <summary>Tests that change <see cref="Parallelism.MaxThreads"/> run one at a time.</summary>
[CollectionDefinition(nameof(ParallelismSetting), DisableParallelization = true)]
public sealed class ParallelismSetting
{
}
