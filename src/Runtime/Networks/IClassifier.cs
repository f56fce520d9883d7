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

    /// <summary>
    /// Like <see cref="ComputeLoss(ReadOnlySpan{float}, ReadOnlySpan{int}, int)"/>, and also writes the outputs that
    /// <see cref="INetwork{TSelf}.Predict(ReadOnlySpan{float}, Span{float}, int)"/> gives for the same inputs, so that the loss
    /// and the predictions of a batch (e.g. validation loss and accuracy) can come from one forward pass. The default
    /// implementation calls <c>ComputeLoss</c> then <c>Predict</c>, two forward passes; a network that keeps its last
    /// forward pass implements it with one. Parameters and gradients are unchanged.
    /// </summary>
    /// <param name="inputs"><c>[batchSize, InputSize]</c>, row-major.</param>
    /// <param name="labels">Length <c>batchSize</c>; each a class index.</param>
    /// <param name="outputs">Receives <c>[batchSize, OutputSize]</c>, row-major, as <c>Predict</c> writes them.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <returns>The mean loss of the batch, regularization penalty excluded; the same value as <c>ComputeLoss</c>.</returns>
    /// <exception cref="ArgumentException">A span's length differs from the stated length, <paramref name="batchSize"/> is out of range, or a label is out of range.</exception>
    float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, Span<float> outputs, int batchSize)
    {
        float loss = ComputeLoss(inputs, labels, batchSize);
        Predict(inputs, outputs, batchSize);
        return loss;
    }
}
