using System;
using System.Linq;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>Seeded weight initialisation: deterministic, biases zero, He normal for ReLU layers and Glorot uniform for the others.</summary>
public sealed partial class InitializationTests
{
    [Fact]
    public void SameSeed_SameBits_DifferentSeeds_DifferentWeights()
    {
        int[] a = TestData.Bits(new InitNet(42).Parameters);
        int[] b = TestData.Bits(new InitNet(42).Parameters);
        Assert.Equal(a, b);

        float[] c = new InitNet(43).Parameters.ToArray();
        float[] d = new InitNet(42).Parameters.ToArray();
        int differing = Enumerable.Range(0, c.Length).Count(i => c[i] != d[i]);
        int weights = InitNet.Dense0WeightsLength + InitNet.Dense1WeightsLength;
        Assert.True(differing > weights * 0.99, $"only {differing} of {weights} weights differ between seeds 42 and 43");

        // The parameterless constructor is seed 0, and INetwork.Create(seed) is the constructor.
        Assert.Equal(TestData.Bits(new InitNet(0).Parameters), TestData.Bits(new InitNet().Parameters));
        Assert.Equal(a, TestData.Bits(Create<InitNet>(42).Parameters));
    }

    [Fact]
    public void BiasesStartAtZero_GradientsAndStepCountToo()
    {
        var network = new InitNet(5);
        Assert.All(network.Dense0Bias.ToArray(), v => Assert.Equal(0f, v));
        Assert.All(network.Dense1Bias.ToArray(), v => Assert.Equal(0f, v));
        Assert.All(network.Gradients.ToArray(), v => Assert.Equal(0f, v));
        Assert.Equal(0, network.StepCount);
    }

    [Fact]
    public void ReLULayer_HeNormal_AndSoftmaxLayer_GlorotUniform()
    {
        var network = new InitNet(11);

        // He normal for the 784x256 ReLU layer: N(0, 2/fanIn). 200,704 samples put the sample std within about 0.3% of the
        // true one; the test allows 20%.
        (double mean0, double std0) = MeanAndStd(network.Dense0Weights);
        double he = Math.Sqrt(2.0 / 784);
        Assert.InRange(std0, 0.8 * he, 1.2 * he);
        Assert.InRange(mean0, -0.05 * he, 0.05 * he);

        // Glorot uniform for the 256x10 Softmax layer: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)), std l/sqrt(3).
        double limit = Math.Sqrt(6.0 / (256 + 10));
        float[] w1 = network.Dense1Weights.ToArray();
        Assert.All(w1, w => Assert.InRange(Math.Abs(w), 0, limit));
        (double mean1, double std1) = MeanAndStd(w1);
        Assert.InRange(std1, 0.8 * limit / Math.Sqrt(3), 1.2 * limit / Math.Sqrt(3));
        Assert.InRange(mean1, -0.1 * limit, 0.1 * limit);
        Assert.True(w1.Max() > 0.9 * limit && w1.Min() < -0.9 * limit, "Glorot weights do not span the range");

        // Glorot uniform for a Tanh layer too (XorNet: 2x4, l = 1).
        Assert.All(new XorNet(3).Dense0Weights.ToArray(), w => Assert.InRange(Math.Abs(w), 0, 1));
    }

    private static TNetwork Create<TNetwork>(int seed)
        where TNetwork : INetwork<TNetwork> => TNetwork.Create(seed);

    private static (double Mean, double Std) MeanAndStd(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }

        double mean = sum / values.Length;
        double squares = 0;
        foreach (float v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(squares / (values.Length - 1)));
    }
}
