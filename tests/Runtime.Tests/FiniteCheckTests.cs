using System;
using Xunit;

namespace StaticNet.Tests;

public class FiniteCheckTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(100)]
    [InlineData(102)]
    public void IndexOfNonFinite_FindsTheFirst_InAVectorOrTheTail(int at)
    {
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
        {
            float[] values = new float[103];
            Array.Fill(values, 1.5f);
            values[at] = bad;
            values[^1] = float.NaN; // a later one is not reported

            Assert.Equal(at, FiniteCheck.IndexOfNonFinite(values));
        }
    }

    [Fact]
    public void IndexOfNonFinite_AllFinite_IsMinusOne()
    {
        float[] values = { float.MaxValue, -float.MaxValue, float.Epsilon, -0f, 0f, 1e-45f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f, 13f };
        Assert.Equal(-1, FiniteCheck.IndexOfNonFinite(values));
        Assert.Equal(-1, FiniteCheck.IndexOfNonFinite(ReadOnlySpan<float>.Empty));
    }

    [Fact]
    public void ThrowIfNonFinite_NamesRowAndColumn()
    {
        float[] values = new float[4 * 5];
        values[(3 * 5) + 2] = float.NaN;

        var e = Assert.Throws<ArgumentException>(() => FiniteCheck.ThrowIfNonFinite(values, 5, "inputs"));

        Assert.Equal("inputs", e.ParamName);
        Assert.StartsWith("inputs[3, 2] is NaN", e.Message);
    }

    [Fact]
    public void Dataset_RefusesANaNFeature_NamingSampleAndFeature()
    {
        float[] features = new float[3 * 4];
        features[(2 * 4) + 1] = float.PositiveInfinity;

        var e = Assert.Throws<ArgumentException>(() => new Dataset(features, new[] { 0, 1, 0 }, 4));

        Assert.Equal("features", e.ParamName);
        Assert.StartsWith("features[2, 1] is Infinity", e.Message);
    }

    [Fact]
    public void Dataset_RefusesTheLabelIntMaxValue_WhoseClassCountWouldOverflow()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset(new float[2], new[] { 0, int.MaxValue }, 1));
        Assert.Contains("Label 1 is 2147483647", e.Message);
    }
}
