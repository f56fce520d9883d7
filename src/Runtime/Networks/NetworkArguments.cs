using System;
using System.ComponentModel;

namespace StaticNet;

/// <summary>
/// Argument checks shared by the generated networks and the runtime, so that every network reports a bad argument
/// with the same words: the parameter, the expected and the actual value. Called by generated code; not meant for users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NetworkArguments
{
    /// <summary>Throws unless <paramref name="batchSize"/> is in <c>[1, maxBatchSize]</c>.</summary>
    /// <param name="batchSize">The batch size passed by the caller.</param>
    /// <param name="maxBatchSize">The network's largest batch.</param>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is out of range.</exception>
    public static void CheckBatchSize(int batchSize, int maxBatchSize)
    {
        if (batchSize < 1 || batchSize > maxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be between 1 and {maxBatchSize}; it is {batchSize}.");
        }
    }

    /// <summary>Throws unless a span has the expected length.</summary>
    /// <param name="actual">The span's length.</param>
    /// <param name="expected">The length the shape requires.</param>
    /// <param name="parameterName">The parameter holding the span.</param>
    /// <param name="shape">The expected shape in words, e.g. <c>[batchSize, InputSize] = [64, 784]</c>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void CheckLength(int actual, long expected, string parameterName, string shape)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{parameterName} has length {actual}, but {shape} needs {expected}.", parameterName);
        }
    }

    /// <summary>
    /// Throws unless <paramref name="batchSize"/> is in <c>[1, maxBatchSize]</c> and a span holds
    /// <c>[batchSize, perSample]</c> floats. The message is built only on failure, so the check allocates nothing.
    /// </summary>
    /// <param name="length">The span's length.</param>
    /// <param name="batchSize">The batch size passed by the caller.</param>
    /// <param name="perSample">Floats per sample, e.g. the network's InputSize.</param>
    /// <param name="maxBatchSize">The network's largest batch.</param>
    /// <param name="parameterName">The parameter holding the span.</param>
    /// <param name="perSampleName">The name of <paramref name="perSample"/> for the message, e.g. <c>InputSize</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is out of range.</exception>
    /// <exception cref="ArgumentException">The span's length is not <c>batchSize · perSample</c>.</exception>
    public static void CheckRows(int length, int batchSize, int perSample, int maxBatchSize, string parameterName, string perSampleName)
    {
        CheckBatchSize(batchSize, maxBatchSize);
        long expected = (long)batchSize * perSample;
        if (length != expected)
        {
            CheckLength(length, expected, parameterName, $"[batchSize, {perSampleName}] = [{batchSize}, {perSample}]");
        }
    }

    /// <summary>
    /// The number of classes a network with <paramref name="outputSize"/> outputs predicts: <paramref name="outputSize"/>
    /// (one output per class, Softmax), or 2 when it is 1 (a single Sigmoid probability of class 1).
    /// </summary>
    /// <param name="outputSize">The network's <c>OutputSize</c>, at least 1.</param>
    /// <returns>The number of classes; valid labels are <c>[0, classes)</c>.</returns>
    public static int ClassCount(int outputSize) => outputSize == 1 ? 2 : outputSize;

    /// <summary>Throws unless every label is a class index in <c>[0, classCount)</c>.</summary>
    /// <param name="labels">The labels.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A label is out of range; the message names its index and value and the valid range.</exception>
    public static void CheckLabels(ReadOnlySpan<int> labels, int classCount) =>
        CheckLabels(labels, classCount, nameof(labels), nameof(labels), network: null);

    // The labels of a dataset against the classes of TNetwork; the message names the dataset parameter and the network.
    internal static void CheckLabels<TNetwork>(ReadOnlySpan<int> labels, string parameterName)
        where TNetwork : INetwork<TNetwork> =>
        CheckLabels(labels, ClassCount(TNetwork.OutputSize), parameterName, parameterName + "." + nameof(Dataset.Labels), typeof(TNetwork).Name);

    // The one label-range check (generated networks, OneHot, Metrics, Trainer), so that a bad label reads the same
    // everywhere: where it is (labelsName[index]), its value and the valid range; ActualValue is the label.
    internal static void CheckLabels(ReadOnlySpan<int> labels, int classCount, string parameterName, string labelsName, string? network)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                string classes = network is null ? "class indices" : "class indices for " + network;
                throw new ArgumentOutOfRangeException(
                    parameterName, labels[i], $"{labelsName}[{i}] is {labels[i]}; {classes} must be between 0 and {classCount - 1}.");
            }
        }
    }

    /// <summary>
    /// Throws unless every row of <paramref name="targets"/> is a probability distribution: values in <c>[0, 1]</c>
    /// summing to 1 within 1e-3 (CrossEntropy's targets: one-hot or soft labels).
    /// </summary>
    /// <param name="targets"><c>[batch, classes]</c>, row-major.</param>
    /// <param name="classes">Values per row, at least 1.</param>
    /// <exception cref="ArgumentException">A value is outside [0, 1] or not a number, or a row does not sum to 1; the message names the row.</exception>
    public static void CheckDistributions(ReadOnlySpan<float> targets, int classes)
    {
        for (int row = 0; row < targets.Length / classes; row++)
        {
            ReadOnlySpan<float> values = targets.Slice(row * classes, classes);
            double sum = 0;
            for (int c = 0; c < classes; c++)
            {
                if (!(values[c] >= 0f && values[c] <= 1f))
                {
                    throw new ArgumentException($"targets[{row}, {c}] is {values[c]}; CrossEntropy's targets are probabilities, each in [0, 1].", nameof(targets));
                }

                sum += values[c];
            }

            if (Math.Abs(sum - 1) > 1e-3)
            {
                throw new ArgumentException(
                    $"Row {row} of targets sums to {sum:R}; CrossEntropy's targets are probability distributions, each row summing to 1 (one-hot, or soft labels).",
                    nameof(targets));
            }
        }
    }

    /// <summary>Throws unless every target is a probability in <c>[0, 1]</c> (BinaryCrossEntropy's targets).</summary>
    /// <param name="targets">The targets.</param>
    /// <param name="outputs">Values per row (the network's OutputSize), at least 1, to name the row and column.</param>
    /// <exception cref="ArgumentException">A target is outside [0, 1] or not a number; the message names it.</exception>
    public static void CheckProbabilities(ReadOnlySpan<float> targets, int outputs)
    {
        for (int i = 0; i < targets.Length; i++)
        {
            if (!(targets[i] >= 0f && targets[i] <= 1f))
            {
                throw new ArgumentException(
                    $"targets[{i / outputs}, {i % outputs}] is {targets[i]}; BinaryCrossEntropy's targets are probabilities in [0, 1].", nameof(targets));
            }
        }
    }

    /// <summary>Returns <paramref name="value"/> if it is finite.</summary>
    /// <param name="value">The new hyper-parameter value.</param>
    /// <param name="name">The hyper-parameter's name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public static float Finite(float value, string name) =>
        float.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite; it is {value}.");

    /// <summary>Returns <paramref name="value"/> if it is finite and greater than 0.</summary>
    /// <param name="value">The new hyper-parameter value.</param>
    /// <param name="name">The hyper-parameter's name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or not greater than 0.</exception>
    public static float Positive(float value, string name) =>
        float.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and greater than 0; it is {value}.");

    /// <summary>Returns <paramref name="value"/> if it is finite and at least 0.</summary>
    /// <param name="value">The new hyper-parameter value.</param>
    /// <param name="name">The hyper-parameter's name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or negative.</exception>
    public static float NonNegative(float value, string name) =>
        float.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and at least 0; it is {value}.");

    /// <summary>Returns <paramref name="value"/> if it is in <c>[0, 1)</c>.</summary>
    /// <param name="value">The new hyper-parameter value.</param>
    /// <param name="name">The hyper-parameter's name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside <c>[0, 1)</c>.</exception>
    public static float UnitInterval(float value, string name) =>
        value >= 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1); it is {value}.");

    /// <summary>Returns <paramref name="value"/> if it is in <c>(0, 1)</c>.</summary>
    /// <param name="value">The new hyper-parameter value.</param>
    /// <param name="name">The hyper-parameter's name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside <c>(0, 1)</c>.</exception>
    public static float OpenUnitInterval(float value, string name) =>
        value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in (0, 1); it is {value}.");
}
