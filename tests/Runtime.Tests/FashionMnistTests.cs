using System;
using System.IO;
using Xunit;

namespace StaticNet.Tests;

public class FashionMnistTests
{
    [Fact]
    public void Slice_IsShippedWithAllFourFiles()
    {
        Assert.True(FashionMnist.Exists(TestFiles.SliceDirectory), $"Missing files in {TestFiles.SliceDirectory}");
    }

    [Fact]
    public void Slice_TrainingSetHas2000Samples()
    {
        Dataset training = FashionMnist.LoadTraining(TestFiles.SliceDirectory);

        AssertFashionMnist(training, 2000);
    }

    [Fact]
    public void Slice_TestSetHas1000Samples()
    {
        Dataset test = FashionMnist.LoadTest(TestFiles.SliceDirectory);

        AssertFashionMnist(test, 1000);
    }

    [Fact]
    public void Slice_ImagesAre28By28()
    {
        IdxImages images = IdxReader.ReadImages(Path.Combine(TestFiles.SliceDirectory, FashionMnist.TestImagesFileName));

        Assert.Equal(1000, images.Count);
        Assert.Equal(28, images.Rows);
        Assert.Equal(28, images.Columns);
    }

    [Fact]
    public void Exists_IsFalseForAFolderWithoutTheFiles()
    {
        using var temp = new TempDirectory();

        Assert.False(FashionMnist.Exists(temp.Path));
        Assert.False(FashionMnist.Exists(Path.Combine(temp.Path, "missing")));
        Assert.False(FashionMnist.Exists(""));
    }

    [Fact]
    public void Load_FromAFolderWithoutTheFiles_ThrowsFileNotFound()
    {
        using var temp = new TempDirectory();

        var exception = Assert.Throws<FileNotFoundException>(() => FashionMnist.LoadTest(temp.Path));

        Assert.Contains(FashionMnist.TestImagesFileName, exception.Message);
    }

    [Fact]
    public void Load_ImagesOfAnotherSize_AreRejected()
    {
        using var temp = new TempDirectory();
        temp.Write(FashionMnist.TestImagesFileName, TestFiles.Gzip(TestFiles.Images(2, 2, 2, new byte[8])));
        temp.Write(FashionMnist.TestLabelsFileName, TestFiles.Gzip(TestFiles.Labels(0, 1)));

        var exception = Assert.Throws<InvalidDataException>(() => FashionMnist.LoadTest(temp.Path));

        Assert.Contains("2 x 2 pixels", exception.Message);
        Assert.Contains("28 x 28", exception.Message);
    }

    [Fact]
    public void Load_ImagesOf1x784_AreRejected_ThoughThePixelCountFits()
    {
        using var temp = new TempDirectory();
        temp.Write(FashionMnist.TestImagesFileName, TestFiles.Gzip(TestFiles.Images(1, 1, 784, new byte[784])));
        temp.Write(FashionMnist.TestLabelsFileName, TestFiles.Gzip(TestFiles.Labels(3)));

        var exception = Assert.Throws<InvalidDataException>(() => FashionMnist.LoadTest(temp.Path));

        Assert.Contains("1 x 784 pixels", exception.Message);
    }

    [Fact]
    public void ClassNames_AreTheTenFashionMnistClasses()
    {
        Assert.Equal(
            new[] { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" },
            FashionMnist.ClassNames);
    }

    private static void AssertFashionMnist(Dataset data, int count)
    {
        Assert.Equal(count, data.Count);
        Assert.Equal(784, data.FeatureCount);
        Assert.Equal(10, data.ClassCount);
        float min = float.MaxValue, max = float.MinValue;
        foreach (float value in data.Features)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        Assert.Equal(0f, min);
        Assert.Equal(1f, max);
        foreach (int label in data.Labels)
        {
            Assert.InRange(label, 0, 9);
        }
    }
}
