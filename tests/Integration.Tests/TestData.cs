using System;
using System.IO;

namespace StaticNet.Integration.Tests;

/// <summary>Seeded test values and the repository's shipped data.</summary>
internal static class TestData
{
    /// <summary>The folder holding StaticNet.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The Fashion-MNIST slice shipped in the repository (2,000 training and 1,000 test images).</summary>
    public static string FashionMnistSlice => Path.Combine(RepositoryRoot, "data", "fashion-mnist-slice");

    /// <summary><paramref name="count"/> values uniform in <c>[low, high)</c>.</summary>
    public static float[] Uniform(Random random, int count, double low, double high)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(low + (high - low) * random.NextDouble());
        }

        return values;
    }

    /// <summary>Values whose magnitude is in <c>[low, high)</c> with a random sign: never within <paramref name="low"/> of 0.</summary>
    public static float[] AwayFromZero(Random random, int count, double low, double high)
    {
        float[] values = Uniform(random, count, low, high);
        for (int i = 0; i < count; i++)
        {
            if (random.Next(2) == 0)
            {
                values[i] = -values[i];
            }
        }

        return values;
    }

    /// <summary><paramref name="rows"/> rows of <paramref name="columns"/> positive values that sum to 1 (soft targets).</summary>
    public static float[] ProbabilityRows(Random random, int rows, int columns)
    {
        float[] values = Uniform(random, rows * columns, 0.05, 1.0);
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = values.AsSpan(r * columns, columns);
            float sum = 0;
            foreach (float v in row)
            {
                sum += v;
            }

            for (int c = 0; c < columns; c++)
            {
                row[c] /= sum;
            }
        }

        return values;
    }

    /// <summary><paramref name="count"/> class indices in <c>[0, classes)</c>.</summary>
    public static int[] Labels(Random random, int count, int classes)
    {
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = random.Next(classes);
        }

        return labels;
    }

    /// <summary>One-hot rows for <paramref name="labels"/>.</summary>
    public static float[] OneHotRows(int[] labels, int classes)
    {
        var rows = new float[labels.Length * classes];
        OneHot.Encode(labels, classes, rows);
        return rows;
    }

    /// <summary>The bit patterns of <paramref name="values"/>, for exact comparisons (NaN and -0 included).</summary>
    public static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        }

        return bits;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StaticNet.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' holds StaticNet.sln.");
    }
}
