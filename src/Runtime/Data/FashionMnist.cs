using System;
using System.IO;

namespace StaticNet;

/// <summary>
/// Fashion-MNIST (Zalando Research, MIT licence, https://github.com/zalandoresearch/fashion-mnist): 28x28 grayscale
/// images of clothing in 10 classes, 60,000 for training and 10,000 for test, as four gzipped IDX files in one folder.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the full dataset.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>File name of the training images.</summary>
    public const string TrainingImagesFileName = "train-images-idx3-ubyte.gz";

    /// <summary>File name of the training labels.</summary>
    public const string TrainingLabelsFileName = "train-labels-idx1-ubyte.gz";

    /// <summary>File name of the test images.</summary>
    public const string TestImagesFileName = "t10k-images-idx3-ubyte.gz";

    /// <summary>File name of the test labels.</summary>
    public const string TestLabelsFileName = "t10k-labels-idx1-ubyte.gz";

    /// <summary>Height and width of an image in pixels.</summary>
    public const int ImageSize = 28;

    /// <summary>Number of features per sample, 28 x 28 = 784.</summary>
    public const int FeatureCount = ImageSize * ImageSize;

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>Names of the classes, indexed by label (0 = T-shirt/top ... 9 = Ankle boot).</summary>
    public static readonly string[] ClassNames =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    /// <summary>Whether <paramref name="directory"/> holds all four files (their contents are not checked).</summary>
    /// <param name="directory">Folder to look in; null or empty gives false.</param>
    public static bool Exists(string directory)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return false;
        }

        return File.Exists(Path.Combine(directory, TrainingImagesFileName))
            && File.Exists(Path.Combine(directory, TrainingLabelsFileName))
            && File.Exists(Path.Combine(directory, TestImagesFileName))
            && File.Exists(Path.Combine(directory, TestLabelsFileName));
    }

    /// <summary>Loads the training set from <paramref name="directory"/>; pixels scaled to <c>[0, 1]</c> (see <see cref="Dataset.FromIdx(string, string)"/>).</summary>
    /// <param name="directory">Folder holding <see cref="TrainingImagesFileName"/> and <see cref="TrainingLabelsFileName"/>.</param>
    /// <returns>Features <c>[count, 784]</c>, labels in <c>[0, 10)</c>; count 60,000 for the full set, fewer for a slice.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX, the counts differ, the images are not 28x28, or a label is not in <c>[0, 10)</c>.</exception>
    public static Dataset LoadTraining(string directory) => Load(directory, TrainingImagesFileName, TrainingLabelsFileName);

    /// <summary>Loads the test set from <paramref name="directory"/>; pixels scaled to <c>[0, 1]</c> (see <see cref="Dataset.FromIdx(string, string)"/>).</summary>
    /// <param name="directory">Folder holding <see cref="TestImagesFileName"/> and <see cref="TestLabelsFileName"/>.</param>
    /// <returns>Features <c>[count, 784]</c>, labels in <c>[0, 10)</c>; count 10,000 for the full set, fewer for a slice.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX, the counts differ, the images are not 28x28, or a label is not in <c>[0, 10)</c>.</exception>
    public static Dataset LoadTest(string directory) => Load(directory, TestImagesFileName, TestLabelsFileName);

    private static Dataset Load(string directory, string imagesFileName, string labelsFileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string imagesPath = Path.Combine(directory, imagesFileName);
        string labelsPath = Path.Combine(directory, labelsFileName);
        Dataset data = Dataset.FromIdx(imagesPath, labelsPath, out int rows, out int columns);

        // Valid IDX is not enough: a network declared with InputSize = 784 and 10 outputs relies on these, and a 1 x 784
        // "image" has the right pixel count but is not Fashion-MNIST.
        if (rows != ImageSize || columns != ImageSize)
        {
            throw new InvalidDataException($"'{imagesPath}' holds images of {rows} x {columns} pixels; Fashion-MNIST images are {ImageSize} x {ImageSize}.");
        }

        if (data.ClassCount > ClassCount)
        {
            throw new InvalidDataException($"'{labelsPath}' holds label {data.ClassCount - 1}; Fashion-MNIST labels are 0 to {ClassCount - 1}.");
        }

        return data;
    }
}
