using System;
using StaticNet;

namespace StaticNet.Compare;

/// <summary>
/// The samples every peer trains and infers on: consecutive batches of Fashion-MNIST training images (pixels in [0, 1])
/// and labels, cycled. Each peer converts them to its own tensors once, before timing. Training cycles at least 16,384
/// distinct samples (or 64 batches, or the whole data): cycling a few dozen images at batch 1, every peer memorised them
/// within seconds, its gradients shrank into subnormal floats, and its step time then measured the processor's
/// subnormal arithmetic (TorchSharp's batch-1 step varied from 135 to 1,565 per second between runs). Inference cycles
/// 64 batches, as before, so that the inputs of a batch-1 call are warm in cache for every peer.
/// </summary>
internal sealed class Batches
{
    private readonly Dataset _data;

    /// <summary>Distinct samples a training workload's batches cover at least, where the data has them.</summary>
    public const int TrainingSamples = 16_384;

    /// <summary>
    /// Cuts <paramref name="data"/> into <see cref="Count"/> batches of <paramref name="batchSize"/>: enough to cover
    /// <paramref name="distinctSamples"/>, at least 64, at most what the data holds.
    /// </summary>
    public Batches(Dataset data, int batchSize, int distinctSamples)
    {
        if (data.Count < batchSize)
        {
            throw new ArgumentException($"The data has {data.Count} samples; batch size {batchSize} needs at least that many.", nameof(data));
        }

        _data = data;
        BatchSize = batchSize;
        Count = Math.Min(Math.Max(64, distinctSamples / batchSize), data.Count / batchSize);
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
