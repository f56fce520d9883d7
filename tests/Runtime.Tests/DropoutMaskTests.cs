using System;
using System.Linq;
using Xunit;

namespace StaticNet.Tests;

public class DropoutMaskTests
{
    private static float[] Mask(int seed, float rate, int length)
    {
        ulong state = DropoutMask.Seed(seed);
        float[] mask = new float[length];
        DropoutMask.Fill(mask, rate, ref state);
        return mask;
    }

    [Fact]
    public void SameSeed_SameMask_DifferentSeed_DifferentMask()
    {
        float[] first = Mask(42, 0.5f, 1000);

        Assert.Equal(first, Mask(42, 0.5f, 1000));
        Assert.NotEqual(first, Mask(43, 0.5f, 1000));
    }

    [Fact]
    public void Fill_AdvancesTheState_SoConsecutiveMasksDiffer()
    {
        ulong state = DropoutMask.Seed(1);
        float[] first = new float[1000];
        float[] second = new float[1000];

        DropoutMask.Fill(first, 0.5f, ref state);
        DropoutMask.Fill(second, 0.5f, ref state);

        Assert.NotEqual(first, second);
        // One long fill equals two short ones: the stream does not depend on how the caller chunks it.
        Assert.Equal(first.Concat(second), Mask(1, 0.5f, 2000));
    }

    [Fact]
    public void Fill_IsTheStandardSplitMix64Stream()
    {
        // First outputs of SplitMix64 from state 0 (Vigna's reference splitmix64.c): e220a8397b1dcdaf, 6e789e6aa1b965f4,
        // 06c45d188009454f. An element is dropped iff its top 24 bits k satisfy k·2^-24 < rate, so rates k·2^-24 and
        // (k+1)·2^-24 pin k exactly.
        uint[] top24 = [0xE220A8, 0x6E789E, 0x06C45D];
        for (int i = 0; i < top24.Length; i++)
        {
            float atK = top24[i] / 16777216f;
            float aboveK = (top24[i] + 1) / 16777216f;
            Assert.NotEqual(0f, FromStateZero(atK)[i]);
            Assert.Equal(0f, FromStateZero(aboveK)[i]);
        }

        ulong state = 0;
        DropoutMask.Fill(new float[3], 0.5f, ref state);
        Assert.Equal(unchecked(3 * 0x9E3779B97F4A7C15UL), state);

        static float[] FromStateZero(float rate)
        {
            ulong state = 0;
            float[] mask = new float[3];
            DropoutMask.Fill(mask, rate, ref state);
            return mask;
        }
    }

    [Fact]
    public void Seed_IsNonZeroAndDistinct()
    {
        int[] seeds = [0, 1, -1, 2, 42, int.MaxValue, int.MinValue];
        ulong[] states = seeds.Select(DropoutMask.Seed).ToArray();

        Assert.DoesNotContain(0UL, states);
        Assert.Equal(states.Length, states.Distinct().Count());
        // Well mixed: neighbouring seeds differ in about half of the 64 bits.
        Assert.InRange(ulong.PopCount(DropoutMask.Seed(1) ^ DropoutMask.Seed(2)), 16UL, 48UL);
    }

    [Theory]
    [InlineData(0.1f)]
    [InlineData(0.5f)]
    [InlineData(0.9f)]
    public void Fill_KeepsOneMinusRate_WithTheInvertedScale(float rate)
    {
        const int count = 1_000_000;
        float[] mask = Mask(7, rate, count);
        float scale = 1f / (1f - rate);

        Assert.All(mask, m => Assert.True(m == 0f || m == scale, $"mask value {m}"));
        double kept = mask.Count(m => m != 0f) / (double)count;
        Assert.InRange(kept, 1 - rate - 0.002, 1 - rate + 0.002);
        double mean = mask.Average(m => (double)m);
        Assert.InRange(mean, 1 - 0.002 / (1 - rate), 1 + 0.002 / (1 - rate)); // E[mask] = 1: inference needs no scaling

        // Independence of neighbours: both dropped with probability rate².
        int bothDropped = 0;
        for (int i = 0; i + 1 < count; i += 2)
        {
            if (mask[i] == 0f && mask[i + 1] == 0f)
            {
                bothDropped++;
            }
        }

        Assert.InRange(bothDropped / (count / 2.0), rate * rate - 0.003, rate * rate + 0.003);
    }

    [Fact]
    public void RateZero_GivesAllOnes_AndStillAdvancesTheState()
    {
        ulong state = DropoutMask.Seed(3);
        ulong before = state;
        float[] mask = new float[100];

        DropoutMask.Fill(mask, 0f, ref state);

        Assert.All(mask, m => Assert.Equal(1f, m));
        Assert.NotEqual(before, state);
    }

    [Fact]
    public void HigherRate_DropsASupersetOfTheElements()
    {
        float[] low = Mask(11, 0.3f, 10_000);
        float[] high = Mask(11, 0.6f, 10_000);

        for (int i = 0; i < low.Length; i++)
        {
            Assert.True(low[i] != 0f || high[i] == 0f, $"element {i} dropped at 0.3 but kept at 0.6");
        }
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    [InlineData(float.NegativeInfinity)]
    public void RateOutOfRange_Throws(float rate)
    {
        ulong state = DropoutMask.Seed(0);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => DropoutMask.Fill(new float[4], rate, ref state));

        Assert.Equal("rate", exception.ParamName);
    }

    [Fact]
    public void Fill_AllocatesNothing()
    {
        float[] mask = new float[4096];
        ulong state = DropoutMask.Seed(5);
        DropoutMask.Fill(mask, 0.25f, ref state); // JIT first

        long before = GC.GetAllocatedBytesForCurrentThread();
        DropoutMask.Fill(mask, 0.25f, ref state);
        DropoutMask.Fill(mask, 0f, ref state);
        ulong seeded = DropoutMask.Seed(6);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0UL, seeded);
    }

    [Fact]
    public void EmptyMask_LeavesTheStateUnchanged()
    {
        ulong state = DropoutMask.Seed(9);
        ulong before = state;

        DropoutMask.Fill([], 0.5f, ref state);

        Assert.Equal(before, state);
    }
}
