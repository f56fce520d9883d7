using System;
using System.IO;
using System.Linq;
using Xunit;

namespace StaticNet.Tests;

public class DatasetTests
{
    // Sample i has features [i, i + 0.5] and label i % 3, so every row can be traced back to its origin.
    internal static Dataset Numbered(int count)
    {
        var features = new float[count * 2];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            features[2 * i] = i;
            features[2 * i + 1] = i + 0.5f;
            labels[i] = i % 3;
        }

        return new Dataset(features, labels, 2);
    }

    [Fact]
    public void Constructor_ExposesTheArraysAndDerivedSizes()
    {
        Dataset data = Numbered(5);

        Assert.Equal(5, data.Count);
        Assert.Equal(2, data.FeatureCount);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal(10, data.Features.Length);
        Assert.Equal(new[] { 0, 1, 2, 0, 1 }, data.Labels.ToArray());
        Assert.Equal(new[] { 3f, 3.5f }, data.GetFeatures(3).ToArray());
    }

    [Fact]
    public void Constructor_AcceptsAnEmptyDataset()
    {
        var data = new Dataset([], [], 784);

        Assert.Equal(0, data.Count);
        Assert.Equal(0, data.ClassCount);
    }

    [Fact]
    public void Constructor_WrongFeatureLength_NamesParameterAndSizes()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Dataset(new float[11], new int[4], 3));

        Assert.Equal("features", exception.ParamName);
        Assert.Contains("Expected 12 features (4 labels x 3 features per sample), but the array has 11", exception.Message);
    }

    [Fact]
    public void Constructor_NegativeLabel_NamesIndexAndValue()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Dataset(new float[3], [0, -2, 1], 1));

        Assert.Equal("labels", exception.ParamName);
        Assert.Contains("Label 1 is -2", exception.Message);
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("featureCount", () => new Dataset([], [], 0));
        Assert.Throws<ArgumentNullException>("features", () => new Dataset(null!, [], 1));
        Assert.Throws<ArgumentNullException>("labels", () => new Dataset([], null!, 1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void GetFeatures_IndexOutOfRange_Throws(int index)
    {
        Dataset data = Numbered(5);

        Assert.Throws<ArgumentOutOfRangeException>("index", () => data.GetFeatures(index));
    }

    [Fact]
    public void Take_CopiesTheFirstSamples()
    {
        Dataset data = Numbered(5);

        Dataset first = data.Take(2);

        Assert.Equal(2, first.Count);
        Assert.Equal(new[] { 0f, 0.5f, 1f, 1.5f }, first.Features.ToArray());
        Assert.Equal(new[] { 0, 1 }, first.Labels.ToArray());
        Assert.Equal(0, data.Take(0).Count);
        Assert.Equal(5, data.Take(5).Count);
        Assert.Throws<ArgumentOutOfRangeException>("count", () => data.Take(6));
        Assert.Throws<ArgumentOutOfRangeException>("count", () => data.Take(-1));
    }

    [Fact]
    public void Split_PartitionsEverySampleOnceWithIntactRows()
    {
        Dataset data = Numbered(10);

        (Dataset first, Dataset second) = data.Split(0.7, seed: 1);

        Assert.Equal(7, first.Count);
        Assert.Equal(3, second.Count);
        int[] origins = [.. Origins(first), .. Origins(second)];
        Assert.Equal(Enumerable.Range(0, 10), origins.Order());
        foreach (Dataset part in new[] { first, second })
        {
            for (int i = 0; i < part.Count; i++)
            {
                int origin = (int)part.GetFeatures(i)[0];
                Assert.Equal(origin + 0.5f, part.GetFeatures(i)[1]);
                Assert.Equal(origin % 3, part.Labels[i]);
            }
        }

        Assert.NotEqual(Enumerable.Range(0, 10), origins); // shuffled, not cut in order
    }

    [Fact]
    public void Split_IsDeterministicPerSeed()
    {
        Dataset data = Numbered(50);

        int[] a = Origins(data.Split(0.5, seed: 7).First);
        int[] b = Origins(data.Split(0.5, seed: 7).First);
        int[] c = Origins(data.Split(0.5, seed: 8).First);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Split_AcceptsTheEndsAndRejectsOtherFractions()
    {
        Dataset data = Numbered(4);

        Assert.Equal(0, data.Split(0.0, 1).First.Count);
        Assert.Equal(4, data.Split(1.0, 1).First.Count);
        Assert.Throws<ArgumentOutOfRangeException>("firstFraction", () => data.Split(1.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>("firstFraction", () => data.Split(-0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("firstFraction", () => data.Split(double.NaN, 1));
    }

    [Fact]
    public void FromIdx_ScalesPixelsAndFlattensImages()
    {
        using var temp = new TempDirectory();
        string images = temp.Write("images.gz", TestFiles.Gzip(TestFiles.Images(2, 1, 3, [0, 51, 255, 255, 102, 0])));
        string labels = temp.Write("labels", TestFiles.Labels(4, 1));

        Dataset data = Dataset.FromIdx(images, labels);

        Assert.Equal(2, data.Count);
        Assert.Equal(3, data.FeatureCount);
        Assert.Equal(new[] { 0f, 0.2f, 1f, 1f, 0.4f, 0f }, data.Features.ToArray());
        Assert.Equal(new[] { 4, 1 }, data.Labels.ToArray());
        Assert.Equal(5, data.ClassCount);
    }

    [Fact]
    public void FromIdx_LabelCountDiffersFromImageCount_NamesBothFilesAndCounts()
    {
        using var temp = new TempDirectory();
        string images = temp.Write("images.idx", TestFiles.Images(3, 2, 2, new byte[12]));
        string labels = temp.Write("labels.idx", TestFiles.Labels(1, 2));

        var exception = Assert.Throws<InvalidDataException>(() => Dataset.FromIdx(images, labels));

        Assert.Contains($"'{labels}' holds 2 labels", exception.Message);
        Assert.Contains($"'{images}' holds 3 images", exception.Message);
    }

    private static int[] Origins(Dataset data) => Enumerable.Range(0, data.Count).Select(i => (int)data.GetFeatures(i)[0]).ToArray();
}
