using System;

namespace StaticNet.Benchmarks;

/// <summary>
/// Deterministic benchmark inputs: the same pseudo-random batch on every run and every machine, so that
/// tables taken before and after a change measure the same work.
/// </summary>
internal static class BenchmarkInputs
{
    /// <summary>Seed of the inputs, the labels and the weight initialisation.</summary>
    public const int Seed = 1;

    /// <summary>Number of classes of both networks (their OutputSize).</summary>
    public const int ClassCount = 10;

    /// <summary>Returns <c>batchSize * inputSize</c> floats in [0, 1), like normalised pixels.</summary>
    /// <param name="batchSize">Samples in the batch.</param>
    /// <param name="inputSize">Floats per sample.</param>
    public static float[] Inputs(int batchSize, int inputSize)
    {
        var random = new Random(Seed);
        var inputs = new float[batchSize * inputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextSingle();
        }

        return inputs;
    }

    /// <summary>Returns <paramref name="batchSize"/> class indices in [0, <see cref="ClassCount"/>).</summary>
    /// <param name="batchSize">Samples in the batch.</param>
    public static int[] Labels(int batchSize)
    {
        // A different stream from the inputs', so labels are not a function of the first pixel.
        var random = new Random(Seed + 1);
        var labels = new int[batchSize];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = random.Next(ClassCount);
        }

        return labels;
    }
}
