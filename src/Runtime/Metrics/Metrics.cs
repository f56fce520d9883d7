using System;

namespace StaticNet;

/// <summary>
/// Classification metrics for evaluation and reporting, generic over the network type (no reflection, no virtual calls).
/// A network's prediction for a sample is the index of its largest output when <c>OutputSize</c> &gt; 1 (Softmax or
/// logits), and class 1 when its single output is at least 0.5 (Sigmoid probability), otherwise class 0.
/// </summary>
public static class Metrics
{
    /// <summary>The threshold on a single Sigmoid output at or above which the prediction is class 1.</summary>
    public const float BinaryThreshold = 0.5f;

    /// <summary>
    /// Index of the largest value; the first one when several are equal. A row holding a NaN has no largest value: -1,
    /// so that a diverged network's predictions are never read as class 0.
    /// </summary>
    /// <param name="values">At least one value, e.g. one row of outputs.</param>
    /// <returns>An index in <c>[0, values.Length)</c>, or -1 when a value is NaN.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("ArgMax needs at least one value, but the span is empty.", nameof(values));
        }

        int best = 0;
        float bestValue = values[0];
        if (float.IsNaN(bestValue))
        {
            return -1;
        }

        for (int i = 1; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                return -1;
            }

            if (values[i] > bestValue)
            {
                best = i;
                bestValue = values[i];
            }
        }

        return best;
    }

    /// <summary>
    /// Fraction of the samples of <paramref name="data"/> whose predicted class equals the label. Runs
    /// <see cref="INetwork{TSelf}.Predict(ReadOnlySpan{float}, Span{float}, int)"/> batch by batch into one output buffer
    /// of <c>[min(batchSize, Count), OutputSize]</c> floats; the inputs are passed as slices of the dataset, not copied.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network; its workspaces are overwritten.</param>
    /// <param name="data">Samples with <c>FeatureCount == TNetwork.InputSize</c> and labels in <c>[0, classes)</c>, classes = <c>OutputSize</c> (2 when <c>OutputSize</c> is 1); at least one sample.</param>
    /// <param name="batchSize">Samples per call to <c>Predict</c>, at least 1.</param>
    /// <returns>Accuracy in <c>[0, 1]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1, or a label is out of range (the message gives its index, its value and the range).</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is empty, or its feature count differs from the network's input size.</exception>
    public static double Accuracy<TNetwork>(TNetwork network, Dataset data, int batchSize = 256)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            throw new ArgumentException("The dataset has no samples; accuracy is undefined.", nameof(data));
        }

        // A sample predicted as no class (NaN outputs) is counted wrong.
        int[,] confusion = Count(network, data, batchSize, out _);
        long correct = 0;
        for (int c = 0; c < confusion.GetLength(0); c++)
        {
            correct += confusion[c, c];
        }

        return (double)correct / data.Count;
    }

    /// <summary>
    /// Counts of (true class, predicted class) pairs over <paramref name="data"/>, predictions as in
    /// <see cref="Accuracy{TNetwork}"/>. Rows are true classes, columns predicted classes; the diagonal holds the
    /// correct predictions and the total is <c>data.Count</c>.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network; its workspaces are overwritten.</param>
    /// <param name="data">Samples with <c>FeatureCount == TNetwork.InputSize</c> and labels in <c>[0, classes)</c>; may be empty (all counts 0).</param>
    /// <param name="batchSize">Samples per call to <c>Predict</c>, at least 1.</param>
    /// <returns><c>[classes, classes]</c>, classes = <c>OutputSize</c> (2 when <c>OutputSize</c> is 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1, or a label is out of range (the message gives its index, its value and the range).</exception>
    /// <exception cref="ArgumentException">The feature count of <paramref name="data"/> differs from the network's input size.</exception>
    /// <exception cref="InvalidOperationException">The network predicts NaN for a sample (its parameters are not finite).</exception>
    public static int[,] ConfusionMatrix<TNetwork>(TNetwork network, Dataset data, int batchSize = 256)
        where TNetwork : INetwork<TNetwork>
    {
        int[,] confusion = Count(network, data, batchSize, out int firstNoClass);
        if (firstNoClass >= 0)
        {
            throw new InvalidOperationException(
                $"{typeof(TNetwork).Name} predicts NaN for sample {firstNoClass}, so no class: its parameters are not finite (training diverged?) or the sample's features are out of range.");
        }

        return confusion;
    }

    // The confusion matrix of the samples that have a predicted class; firstNoClass is the first sample whose outputs
    // hold a NaN (counted nowhere), or -1.
    private static int[,] Count<TNetwork>(TNetwork network, Dataset data, int batchSize, out int firstNoClass)
        where TNetwork : INetwork<TNetwork>
    {
        firstNoClass = -1;

        // 'is null' rather than ThrowIfNull(object): no boxing if a network is ever a struct.
        if (network is null)
        {
            throw new ArgumentNullException(nameof(network));
        }

        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int inputSize = TNetwork.InputSize;
        int outputSize = TNetwork.OutputSize;
        if (data.FeatureCount != inputSize)
        {
            throw new ArgumentException(
                $"The dataset has {data.FeatureCount} features per sample but {typeof(TNetwork).Name} takes {inputSize} inputs.", nameof(data));
        }

        ReadOnlySpan<int> labels = data.Labels;
        NetworkArguments.CheckLabels<TNetwork>(labels, nameof(data));
        int classCount = NetworkArguments.ClassCount(outputSize);
        var confusion = new int[classCount, classCount];
        // Never more than the network accepts; MaxBatchSize x OutputSize always fits an array.
        int capacity = Math.Min(Math.Min(batchSize, data.Count), TNetwork.MaxBatchSize);
        var outputs = new float[capacity * outputSize];
        ReadOnlySpan<float> features = data.Features;
        for (int start = 0; start < data.Count; start += capacity)
        {
            int size = Math.Min(capacity, data.Count - start);
            Span<float> batchOutputs = outputs.AsSpan(0, size * outputSize);
            network.Predict(features.Slice(start * inputSize, size * inputSize), batchOutputs, size);
            for (int i = 0; i < size; i++)
            {
                int predicted = PredictedClass(batchOutputs.Slice(i * outputSize, outputSize));
                if (predicted < 0)
                {
                    firstNoClass = firstNoClass < 0 ? start + i : firstNoClass;
                    continue;
                }

                confusion[labels[start + i], predicted]++;
            }
        }

        return confusion;
    }

    // The class a row of outputs predicts, as the class summary states; shared with Trainer's validation accuracy.
    // -1 for a NaN output: no class.
    internal static int PredictedClass(ReadOnlySpan<float> outputs) =>
        outputs.Length != 1 ? ArgMax(outputs) : float.IsNaN(outputs[0]) ? -1 : outputs[0] >= BinaryThreshold ? 1 : 0;
}
