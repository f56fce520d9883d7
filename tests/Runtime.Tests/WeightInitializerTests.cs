using System;
using System.Linq;
using Xunit;

namespace StaticNet.Tests;

public class WeightInitializerTests
{
    private const int FanIn = 784;
    private const int FanOut = 256;

    private static float[] Draw(Action<float[], Random> initializer, int seed = 1)
    {
        float[] weights = new float[FanIn * FanOut];
        initializer(weights, new Random(seed));
        return weights;
    }

    private static (double Mean, double Std) Moments(float[] weights)
    {
        double mean = weights.Average(w => (double)w);
        double variance = weights.Sum(w => (w - mean) * (w - mean)) / (weights.Length - 1);
        return (mean, Math.Sqrt(variance));
    }

    private static int[] Bits(float[] weights) => weights.Select(BitConverter.SingleToInt32Bits).ToArray();

    // ---- the existing initialisers: seeded networks depend on these exact bits ----

    [Fact]
    public void HeNormal_Seed42_IsUnchanged()
    {
        // Recorded before HeUniform, GlorotNormal, LeCunNormal and LeCunUniform were added.
        int[] expected =
        [
            0x3D4280C4, unchecked((int)0xBCD41BAF), unchecked((int)0xBB1EE6F5), unchecked((int)0xBDA586C5),
            0x3B10660C, unchecked((int)0xBADE9B02), unchecked((int)0xBCD1C124), unchecked((int)0xBB5087A7),
        ];
        float[] weights = new float[8];

        WeightInitializer.HeNormal(weights, 784, new Random(42));

        Assert.Equal(expected, Bits(weights));
        Assert.Equal(0.04748608f, weights[0]);
    }

    [Fact]
    public void GlorotUniform_Seed42_IsUnchanged()
    {
        int[] expected =
        [
            0x3CD13367, unchecked((int)0xBD5F6FEC), unchecked((int)0xBD69033D), 0x3B62A1FE,
            unchecked((int)0xBD4E4F28), unchecked((int)0xBD13B8A5), 0x3D0BA20A, 0x3B00A792,
        ];
        float[] weights = new float[8];

        WeightInitializer.GlorotUniform(weights, 784, 256, new Random(42));

        Assert.Equal(expected, Bits(weights));
        Assert.Equal(0.025537206f, weights[0]);
    }

    // ---- the new ones: distribution ----

    [Fact]
    public void GlorotNormal_StdIsSqrtTwoOverFanInPlusFanOut()
    {
        (double mean, double std) = Moments(Draw((w, r) => WeightInitializer.GlorotNormal(w, FanIn, FanOut, r)));
        double expected = Math.Sqrt(2.0 / (FanIn + FanOut));

        Assert.InRange(std, 0.95 * expected, 1.05 * expected);
        Assert.InRange(mean, -0.01 * expected, 0.01 * expected);
    }

    [Fact]
    public void LeCunNormal_StdIsSqrtOneOverFanIn()
    {
        (double mean, double std) = Moments(Draw((w, r) => WeightInitializer.LeCunNormal(w, FanIn, r)));
        double expected = Math.Sqrt(1.0 / FanIn);

        Assert.InRange(std, 0.95 * expected, 1.05 * expected);
        Assert.InRange(mean, -0.01 * expected, 0.01 * expected);
    }

    [Theory]
    [InlineData("HeUniform", 6.0)]
    [InlineData("LeCunUniform", 3.0)]
    public void Uniform_FillsMinusLimitToLimit(string name, double numerator)
    {
        float[] weights = Draw((w, r) =>
        {
            if (name == "HeUniform")
            {
                WeightInitializer.HeUniform(w, FanIn, r);
            }
            else
            {
                WeightInitializer.LeCunUniform(w, FanIn, r);
            }
        });
        double limit = Math.Sqrt(numerator / FanIn);
        double bound = limit * (1 + 1e-7); // a draw within half a float ulp of ±limit may round just past it

        Assert.InRange(weights.Min(), -bound, -0.95 * limit);
        Assert.InRange(weights.Max(), 0.95 * limit, bound);
        (double mean, double std) = Moments(weights);
        Assert.InRange(std, 0.95 * limit / Math.Sqrt(3), 1.05 * limit / Math.Sqrt(3)); // U(-l, l) has std l/√3
        Assert.InRange(mean, -0.01 * limit, 0.01 * limit);
    }

    [Fact]
    public void NewInitializers_MapDrawsToWeightsLikeTheExistingOnes()
    {
        // Equal scales give equal bits: LeCun uniform with fanIn 2 and Glorot uniform with fanIn + fanOut 4 share
        // l = √1.5; He uniform with fanIn 4 likewise; LeCun normal with fanIn 1, Glorot normal (1, 1) and He normal with
        // fanIn 2 share std 1.
        float[] glorotUniform = new float[64], lecunUniform = new float[64], heUniform = new float[64];
        WeightInitializer.GlorotUniform(glorotUniform, 2, 2, new Random(5));
        WeightInitializer.LeCunUniform(lecunUniform, 2, new Random(5));
        WeightInitializer.HeUniform(heUniform, 4, new Random(5));
        Assert.Equal(Bits(glorotUniform), Bits(lecunUniform));
        Assert.Equal(Bits(glorotUniform), Bits(heUniform));

        float[] heNormal = new float[64], lecunNormal = new float[64], glorotNormal = new float[64];
        WeightInitializer.HeNormal(heNormal, 2, new Random(5));
        WeightInitializer.LeCunNormal(lecunNormal, 1, new Random(5));
        WeightInitializer.GlorotNormal(glorotNormal, 1, 1, new Random(5));
        Assert.Equal(Bits(heNormal), Bits(lecunNormal));
        Assert.Equal(Bits(heNormal), Bits(glorotNormal));
    }

    // ---- determinism and arguments ----

    public static TheoryData<string> NewInitializers => new(["HeUniform", "GlorotNormal", "LeCunNormal", "LeCunUniform"]);

    private static void Initialize(string name, Span<float> weights, int fanIn, int fanOut, Random random)
    {
        switch (name)
        {
            case "HeUniform": WeightInitializer.HeUniform(weights, fanIn, random); break;
            case "GlorotNormal": WeightInitializer.GlorotNormal(weights, fanIn, fanOut, random); break;
            case "LeCunNormal": WeightInitializer.LeCunNormal(weights, fanIn, random); break;
            case "LeCunUniform": WeightInitializer.LeCunUniform(weights, fanIn, random); break;
            default: throw new ArgumentException(name, nameof(name));
        }
    }

    [Theory]
    [MemberData(nameof(NewInitializers))]
    public void SameSeed_SameBits_DifferentSeed_DifferentBits(string name)
    {
        float[] first = new float[1000], second = new float[1000], other = new float[1000];

        Initialize(name, first, FanIn, FanOut, new Random(42));
        Initialize(name, second, FanIn, FanOut, new Random(42));
        Initialize(name, other, FanIn, FanOut, new Random(43));

        Assert.Equal(Bits(first), Bits(second));
        Assert.NotEqual(Bits(first), Bits(other));
        Assert.All(first, w => Assert.True(float.IsFinite(w)));
    }

    [Theory]
    [MemberData(nameof(NewInitializers))]
    public void FanInBelowOne_Throws(string name)
    {
        foreach (int fanIn in new[] { 0, -1, int.MinValue })
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Initialize(name, new float[4], fanIn, 10, new Random(1)));
            Assert.Equal("fanIn", exception.ParamName);
        }
    }

    [Fact]
    public void GlorotNormal_FanOutBelowOne_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => WeightInitializer.GlorotNormal(new float[4], 10, 0, new Random(1)));

        Assert.Equal("fanOut", exception.ParamName);
    }

    [Theory]
    [MemberData(nameof(NewInitializers))]
    public void NullRandom_Throws(string name)
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Initialize(name, new float[4], 10, 10, null!));

        Assert.Equal("random", exception.ParamName);
    }

    [Fact]
    public void GlorotNormal_HugeFans_DoNotOverflow()
    {
        float[] weights = new float[16];

        WeightInitializer.GlorotNormal(weights, int.MaxValue, int.MaxValue, new Random(1));

        Assert.All(weights, w => Assert.True(float.IsFinite(w) && Math.Abs(w) < 1e-3f));
    }
}
