using System;
using System.IO;

namespace StaticNet;

/// <summary>
/// Labelled samples in memory: features <c>[Count, FeatureCount]</c> row-major in one flat <see cref="float"/> array,
/// and one class index per sample. Immutable; <see cref="Take"/> and <see cref="Split"/> return new datasets.
/// </summary>
public sealed class Dataset
{
    private readonly float[] _features;
    private readonly int[] _labels;

    /// <summary>Creates a dataset over the given arrays. They are not copied: the dataset takes ownership, and the caller must not change them afterwards.</summary>
    /// <param name="features"><c>[labels.Length, featureCount]</c>, row-major.</param>
    /// <param name="labels">One class index per sample, each at least 0. May be empty.</param>
    /// <param name="featureCount">Number of features per sample, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> or <paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="featureCount"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">
    /// The length of <paramref name="features"/> is not <c>labels.Length * featureCount</c>, a feature is NaN or infinite
    /// (the message names its sample and feature), or a label is negative or <see cref="int.MaxValue"/>.
    /// </exception>
    public Dataset(float[] features, int[] labels, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        long expected = (long)labels.Length * featureCount;
        if (features.Length != expected)
        {
            throw new ArgumentException(
                $"Expected {expected} features ({labels.Length} labels x {featureCount} features per sample), but the array has {features.Length}.",
                nameof(features));
        }

        FiniteCheck.ThrowIfNonFinite(features, featureCount, nameof(features));
        int maxLabel = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] is < 0 or int.MaxValue)
            {
                throw new ArgumentException($"Label {i} is {labels[i]}; class indices must be at least 0 and below {int.MaxValue} (the class count must fit an int).", nameof(labels));
            }

            maxLabel = Math.Max(maxLabel, labels[i]);
        }

        _features = features;
        _labels = labels;
        FeatureCount = featureCount;
        ClassCount = maxLabel + 1;
    }

    /// <summary>Number of samples (0 or more).</summary>
    public int Count => _labels.Length;

    /// <summary>Number of features per sample (784 for a 28x28 image).</summary>
    public int FeatureCount { get; }

    /// <summary>Number of classes, the largest label + 1 (0 for an empty dataset). A class absent from this dataset but above all present ones is not counted.</summary>
    public int ClassCount { get; }

    /// <summary>All features, <c>[Count, FeatureCount]</c> row-major.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>All labels (class indices), length <see cref="Count"/>.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The features of one sample.</summary>
    /// <param name="index">Sample index in <c>[0, Count)</c>.</param>
    /// <returns>Length <see cref="FeatureCount"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    public ReadOnlySpan<float> GetFeatures(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _features.AsSpan(index * FeatureCount, FeatureCount);
    }

    /// <summary>
    /// Loads an image and a label IDX file (gzipped or raw, see <see cref="IdxReader"/>): one sample per image, the
    /// pixels flattened row by row and scaled from bytes 0..255 to floats in <c>[0, 1]</c> (divided by 255).
    /// </summary>
    /// <param name="imagesPath">IDX image file (magic 0x00000803).</param>
    /// <param name="labelsPath">IDX label file (magic 0x00000801), one label per image.</param>
    /// <returns><c>Count</c> = number of images, <c>FeatureCount</c> = rows x columns.</returns>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder of a path does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX (see <see cref="IdxReader"/>), or the files hold different numbers of samples (the message names both files and both counts).</exception>
    public static Dataset FromIdx(string imagesPath, string labelsPath) => FromIdx(imagesPath, labelsPath, out _, out _);

    // The same, also giving the images' height and width (FashionMnist checks them).
    internal static Dataset FromIdx(string imagesPath, string labelsPath, out int rows, out int columns)
    {
        IdxImages images = IdxReader.ReadImages(imagesPath);
        rows = images.Rows;
        columns = images.Columns;
        byte[] labelBytes = IdxReader.ReadLabels(labelsPath);
        if (labelBytes.Length != images.Count)
        {
            throw new InvalidDataException(
                $"The label file '{labelsPath}' holds {labelBytes.Length} labels but the image file '{imagesPath}' holds {images.Count} images; they must match one to one.");
        }

        byte[] pixels = images.Pixels;
        var features = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            // Division rather than a multiply by 1/255f, so that 255 maps to exactly 1.
            features[i] = pixels[i] / 255f;
        }

        var labels = new int[labelBytes.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = labelBytes[i];
        }

        return new Dataset(features, labels, images.Rows * images.Columns);
    }

    /// <summary>The first <paramref name="count"/> samples, in order, copied into a new dataset.</summary>
    /// <param name="count">Number of samples in <c>[0, Count]</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside <c>[0, Count]</c>.</exception>
    public Dataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new Dataset(_features.AsSpan(0, count * FeatureCount).ToArray(), _labels.AsSpan(0, count).ToArray(), FeatureCount);
    }

    /// <summary>
    /// Shuffles the samples with a seeded Fisher-Yates shuffle and splits them in two, e.g. into training and
    /// validation sets. The same seed gives the same split on every run.
    /// </summary>
    /// <param name="firstFraction">Fraction of the samples that go to <c>First</c>, in <c>[0, 1]</c>; the count is <c>round(Count * firstFraction)</c> (midpoints to even).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <returns>Two new datasets (copies) that together hold every sample exactly once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstFraction"/> is not a number in <c>[0, 1]</c>.</exception>
    public (Dataset First, Dataset Second) Split(double firstFraction, int seed)
    {
        if (!(firstFraction >= 0.0 && firstFraction <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(firstFraction), firstFraction, "The fraction must be in [0, 1].");
        }

        int[] order = ShuffledOrder(Count, new Random(seed));
        int firstCount = (int)Math.Round(Count * firstFraction);
        return (Gather(order.AsSpan(0, firstCount)), Gather(order.AsSpan(firstCount)));
    }

    // Identity permutation shuffled in place (Fisher-Yates); shared with BatchIterator so both shuffle alike.
    internal static int[] ShuffledOrder(int count, Random random)
    {
        var order = new int[count];
        ResetOrder(order);
        Shuffle(order, random);
        return order;
    }

    internal static void ResetOrder(Span<int> order)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
    }

    internal static void Shuffle(Span<int> order, Random random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private Dataset Gather(ReadOnlySpan<int> indices)
    {
        var features = new float[indices.Length * FeatureCount];
        var labels = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            GetFeatures(indices[i]).CopyTo(features.AsSpan(i * FeatureCount, FeatureCount));
            labels[i] = _labels[indices[i]];
        }

        return new Dataset(features, labels, FeatureCount);
    }
}
