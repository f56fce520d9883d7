using System;

namespace StaticNet;

/// <summary>
/// A generated network trained with CrossEntropy (Softmax output, labels are class indices in <c>[0, OutputSize)</c>)
/// or BinaryCrossEntropy on a single Sigmoid output (labels are 0 or 1): adds overloads taking integer labels.
/// </summary>
/// <typeparam name="TSelf">The generated network type.</typeparam>
public interface IClassifier<TSelf> : INetwork<TSelf> where TSelf : IClassifier<TSelf>
{
    /// <summary>Like <see cref="INetwork{TSelf}.TrainStep"/> with one class index per sample.</summary>
    /// <param name="inputs"><c>[batchSize, InputSize]</c>, row-major.</param>
    /// <param name="labels">Length <c>batchSize</c>; each a class index.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <returns>The mean loss of the batch before the step, regularization penalty excluded.</returns>
    /// <exception cref="ArgumentException">A span's length differs from the stated length, <paramref name="batchSize"/> is out of range, or a label is out of range.</exception>
    float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, int batchSize);

    /// <summary>Like <see cref="INetwork{TSelf}.ComputeGradients"/> with one class index per sample.</summary>
    /// <param name="inputs"><c>[batchSize, InputSize]</c>, row-major.</param>
    /// <param name="labels">Length <c>batchSize</c>; each a class index.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <returns>The mean loss of the batch, regularization penalty excluded.</returns>
    /// <exception cref="ArgumentException">A span's length differs from the stated length, <paramref name="batchSize"/> is out of range, or a label is out of range.</exception>
    float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, int batchSize);

    /// <summary>Like <see cref="INetwork{TSelf}.ComputeLoss"/> with one class index per sample.</summary>
    /// <param name="inputs"><c>[batchSize, InputSize]</c>, row-major.</param>
    /// <param name="labels">Length <c>batchSize</c>; each a class index.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <exception cref="ArgumentException">A span's length differs from the stated length, <paramref name="batchSize"/> is out of range, or a label is out of range.</exception>
    float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, int batchSize);
}
