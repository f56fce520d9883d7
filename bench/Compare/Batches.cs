using System;
using StaticNet;

namespace StaticNet.Compare;

/// <summary>
/// The samples every peer trains and infers on: consecutive batches of Fashion-MNIST training images (pixels in [0, 1])
/// and labels, cycled. Each peer converts them to its own tensors once, before timing.
/// </summary>
internal sealed class Batches
{
    private readonly Dataset _data;

    /// <summary>Cuts <paramref name="data"/> into <see cref="Count"/> batches of <paramref name="batchSize"/> (at most 64 batches).</summary>
    public Batches(Dataset data, int batchSize)
    {
        if (data.Count < batchSize)
        {
            throw new ArgumentException($"The data has {data.Count} samples; batch size {batchSize} needs at least that many.", nameof(data));
        }

        _data = data;
        BatchSize = batchSize;
        Count = Math.Min(64, data.Count / batchSize);
    }

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Distinct batches; calls cycle through them.</summary>
    public int Count { get; }

    /// <summary>Floats per sample.</summary>
    public int FeatureCount => _data.FeatureCount;

    /// <summary>Batch <paramref name="index"/>'s pixels, <c>[BatchSize, FeatureCount]</c>.</summary>
    public ReadOnlySpan<float> Inputs(int index) => _data.Features.Slice(index * BatchSize * FeatureCount, BatchSize * FeatureCount);

    /// <summary>Batch <paramref name="index"/>'s labels, <c>[BatchSize]</c>.</summary>
    public ReadOnlySpan<int> Labels(int index) => _data.Labels.Slice(index * BatchSize, BatchSize);
}
