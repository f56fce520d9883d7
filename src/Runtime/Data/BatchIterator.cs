using System;

namespace StaticNet;

/// <summary>
/// Iterates over a <see cref="Dataset"/> in mini-batches, one epoch per pass: every sample appears exactly once, and
/// the last batch holds the remainder (smaller than <see cref="BatchSize"/> when the count is not a multiple of it).
/// Rows are copied into buffers allocated once in the constructor, so shuffling and iterating allocate nothing.
/// Not thread-safe.
/// </summary>
/// <example>
/// <code>
/// var batches = new BatchIterator(training, batchSize: 64);
/// var random = new Random(42);
/// for (int epoch = 0; epoch &lt; epochs; epoch++)
/// {
///     batches.Shuffle(random); // also rewinds
///     while (batches.MoveNext())
///     {
///         network.TrainStep(batches.Inputs, batches.Labels, batches.Size);
///     }
/// }
/// </code>
/// </example>
public sealed class BatchIterator
{
    private readonly Dataset _dataset;
    private readonly int[] _order;
    private readonly float[] _inputs;
    private readonly int[] _labels;
    private int _next;

    /// <summary>Creates an iterator in dataset order, positioned before the first batch.</summary>
    /// <param name="dataset">The samples; may be empty (then <see cref="MoveNext"/> returns false at once).</param>
    /// <param name="batchSize">Maximum number of samples per batch, at least 1; may exceed the dataset's count (one batch per epoch).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    public BatchIterator(Dataset dataset, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _dataset = dataset;
        BatchSize = batchSize;
        _order = new int[dataset.Count];
        Dataset.ResetOrder(_order);
        int capacity = Math.Min(batchSize, dataset.Count);
        _inputs = new float[capacity * dataset.FeatureCount];
        _labels = new int[capacity];
    }

    /// <summary>The dataset iterated over.</summary>
    public Dataset Dataset => _dataset;

    /// <summary>Maximum number of samples per batch, as given to the constructor.</summary>
    public int BatchSize { get; }

    /// <summary>Number of batches in one epoch, <c>ceil(Count / BatchSize)</c>, the last one possibly partial.</summary>
    public int BatchesPerEpoch => (int)(((long)_dataset.Count + BatchSize - 1) / BatchSize);

    /// <summary>Number of samples in the current batch: <see cref="BatchSize"/>, less for the last batch, 0 before the first <see cref="MoveNext"/> and after the last.</summary>
    public int Size { get; private set; }

    /// <summary>Features of the current batch, <c>[Size, FeatureCount]</c> row-major. Overwritten by the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<float> Inputs => _inputs.AsSpan(0, Size * _dataset.FeatureCount);

    /// <summary>Labels (class indices) of the current batch, length <see cref="Size"/>. Overwritten by the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Size);

    /// <summary>
    /// Draws a new sample order for the next epochs: the dataset order permuted by a Fisher-Yates shuffle driven by
    /// <paramref name="random"/> (so the order depends only on the state of <paramref name="random"/>, not on earlier
    /// shuffles), then rewinds as <see cref="Reset"/> does, so the next <see cref="MoveNext"/> starts the epoch.
    /// Allocation-free.
    /// </summary>
    /// <param name="random">Source of randomness; a seeded <see cref="Random"/> gives the same order on every run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public void Shuffle(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Dataset.ResetOrder(_order);
        Dataset.Shuffle(_order, random);
        Reset();
    }

    /// <summary>Rewinds to before the first batch of the epoch, keeping the current order.</summary>
    public void Reset()
    {
        _next = 0;
        Size = 0;
    }

    /// <summary>Advances to the next batch and copies its rows into <see cref="Inputs"/> and <see cref="Labels"/>. Allocation-free.</summary>
    /// <returns>True if there is a batch; false at the end of the epoch (call <see cref="Reset"/> or <see cref="Shuffle"/> to start another).</returns>
    public bool MoveNext()
    {
        int remaining = _order.Length - _next;
        if (remaining <= 0)
        {
            Size = 0;
            return false;
        }

        int size = Math.Min(BatchSize, remaining);
        int featureCount = _dataset.FeatureCount;
        ReadOnlySpan<float> features = _dataset.Features;
        ReadOnlySpan<int> labels = _dataset.Labels;
        for (int i = 0; i < size; i++)
        {
            int sample = _order[_next + i];
            features.Slice(sample * featureCount, featureCount).CopyTo(_inputs.AsSpan(i * featureCount, featureCount));
            _labels[i] = labels[sample];
        }

        _next += size;
        Size = size;
        return true;
    }
}
