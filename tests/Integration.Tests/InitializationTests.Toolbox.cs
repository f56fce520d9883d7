using System;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Per-layer <c>WeightInit</c> (<see cref="WeightInitialization"/>) and the defaults of the new activations. A normal
/// initialisation must have the stated standard deviation within 10% and tails beyond 3σ (a uniform has none beyond
/// √3σ); a uniform one must stay within its bound, reach 99% of it and have the std bound/√3 within 10%. With 65,536
/// (256x256) or 32,768 (64x512) weights the sample std is within about 0.4% of the true one, so 10% leaves no room for
/// a wrong fan: for 64 -> 512 layers He (2/64), LeCun (1/64) and Glorot (2/576) differ by factors of √2 and 3 in std.
/// </summary>
public sealed partial class InitializationTests
{
    [Fact]
    public void EachWeightInitialization_HasItsScale_On256x256Layers()
    {
        var network = new InitKinds(21);
        const double fanIn = 256, fanOut = 256;
        AssertNormal("HeNormal", network.Dense0Weights, Math.Sqrt(2 / fanIn));
        AssertUniform("HeUniform", network.Dense1Weights, Math.Sqrt(6 / fanIn));
        AssertNormal("GlorotNormal", network.Dense2Weights, Math.Sqrt(2 / (fanIn + fanOut)));
        AssertUniform("GlorotUniform", network.Dense3Weights, Math.Sqrt(6 / (fanIn + fanOut)));
        AssertNormal("LeCunNormal", network.Dense4Weights, Math.Sqrt(1 / fanIn));
        AssertUniform("LeCunUniform", network.Dense5Weights, Math.Sqrt(3 / fanIn));
        Assert.All(network.Dense6Weights.ToArray(), w => Assert.Equal(0f, w)); // Zeros, even on a ReLU layer
        Assert.All(network.Parameters.Slice(InitKinds.Dense6BiasOffset, 256).ToArray(), b => Assert.Equal(0f, b));
        foreach (int offset in new[] { InitKinds.Dense0BiasOffset, InitKinds.Dense1BiasOffset, InitKinds.Dense2BiasOffset, InitKinds.Dense3BiasOffset, InitKinds.Dense4BiasOffset, InitKinds.Dense5BiasOffset })
        {
            Assert.All(network.Parameters.Slice(offset, 256).ToArray(), b => Assert.Equal(0f, b));
        }

        // Deterministic per seed, as the default initialisation.
        Assert.Equal(TestData.Bits(network.Parameters), TestData.Bits(new InitKinds(21).Parameters));
    }

    [Fact]
    public void EachWeightInitialization_UsesTheRightFans_On64x512Layers()
    {
        var network = new InitFans(22);
        const double fanIn = 64, fanOut = 512;
        AssertNormal("HeNormal", network.Dense0Weights, Math.Sqrt(2 / fanIn));
        AssertUniform("HeUniform", network.Dense2Weights, Math.Sqrt(6 / fanIn));
        AssertNormal("GlorotNormal", network.Dense4Weights, Math.Sqrt(2 / (fanIn + fanOut)));
        AssertUniform("GlorotUniform", network.Dense6Weights, Math.Sqrt(6 / (fanIn + fanOut)));
        AssertNormal("LeCunNormal", network.Dense8Weights, Math.Sqrt(1 / fanIn));
        AssertUniform("LeCunUniform", network.Dense10Weights, Math.Sqrt(3 / fanIn));

        // The 512 -> 64 Identity layers in between keep their default, Glorot uniform.
        AssertUniform("default (Identity)", network.Dense1Weights, Math.Sqrt(6 / (fanIn + fanOut)));
        AssertUniform("default (Identity)", network.Dense9Weights, Math.Sqrt(6 / (fanIn + fanOut)));
    }

    [Fact]
    public void NewActivations_DefaultInitialization_HeNormalForTheReLUFamily_GlorotUniformOtherwise()
    {
        var network = new InitDefaults(23);
        double he = Math.Sqrt(2.0 / 256);
        double glorot = Math.Sqrt(6.0 / 512);
        AssertNormal("LeakyReLU", network.Dense0Weights, he);
        AssertNormal("ELU", network.Dense1Weights, he);
        AssertNormal("GELU", network.Dense2Weights, he);
        AssertNormal("GELUTanh", network.Dense3Weights, he);
        AssertNormal("SiLU", network.Dense4Weights, he);
        AssertNormal("HardSwish", network.Dense5Weights, he);
        AssertUniform("Softplus", network.Dense6Weights, glorot);
        AssertUniform("Softsign", network.Dense7Weights, glorot);
        AssertUniform("HardSigmoid", network.Dense8Weights, glorot);
    }

    private static void AssertNormal(string what, ReadOnlySpan<float> weights, double std)
    {
        (double mean, double sampleStd) = MeanAndStd(weights);
        double largest = 0;
        foreach (float w in weights)
        {
            largest = Math.Max(largest, Math.Abs(w));
        }

        Assert.True(Math.Abs(sampleStd - std) <= 0.1 * std, $"{what}: std {sampleStd:G4}, expected {std:G4} ± 10%");
        Assert.True(Math.Abs(mean) <= 0.05 * std, $"{what}: mean {mean:G4}, expected 0 ± {0.05 * std:G3}");
        Assert.True(largest > 3 * std, $"{what}: largest |w| {largest:G4} is within 3σ = {3 * std:G4}: not normal");
    }

    private static void AssertUniform(string what, ReadOnlySpan<float> weights, double bound)
    {
        (double mean, double sampleStd) = MeanAndStd(weights);
        double largest = 0;
        foreach (float w in weights)
        {
            largest = Math.Max(largest, Math.Abs(w));
        }

        double std = bound / Math.Sqrt(3);
        Assert.True(largest <= bound * (1 + 1e-7), $"{what}: |w| up to {largest:G6} exceeds the bound {bound:G6}"); // float rounding of a draw next to the bound
        Assert.True(largest >= 0.99 * bound, $"{what}: |w| only up to {largest:G4}, bound {bound:G4}");
        Assert.True(Math.Abs(sampleStd - std) <= 0.1 * std, $"{what}: std {sampleStd:G4}, expected bound/√3 = {std:G4} ± 10%");
        Assert.True(Math.Abs(mean) <= 0.05 * std, $"{what}: mean {mean:G4}, expected 0 ± {0.05 * std:G3}");
    }
}
