using System;
using System.Numerics.Tensors;

namespace StaticNet.Kernels;

/// <summary>
/// The losses of a batch and, when a gradients span is given, their gradients with respect to the last layer: the
/// logits z for the fused losses (CrossEntropy with Softmax, BinaryCrossEntropy with Sigmoid), the outputs a for the
/// element-wise ones (the caller then applies the output activation's backward pass). Losses are summed in double and
/// returned as the mean in nats (cross-entropies) or in the targets' units squared / absolute. Pass an empty
/// <c>gradients</c> span for the loss alone. Lengths are checked on entry; allocation-free and thread-safe.
/// </summary>
public static class Losses
{
    /// <summary>
    /// CrossEntropy fused with Softmax, from class indices: <c>L_b = log Σ_k e^(z_k) - z_label</c> (log-sum-exp with
    /// max-subtraction), <c>∂L/∂z = (softmax(z) - onehot(label)) / batch</c>. With label smoothing ε (Szegedy et al. 2016,
    /// PyTorch <c>label_smoothing</c>) the one-hot target becomes <c>(1 - ε)·onehot + ε/classes</c>. Finite for any finite logits.
    /// </summary>
    /// <param name="logits"><c>[batch, classes]</c>.</param>
    /// <param name="labels">Length batch; each in <c>[0, classes)</c>; one outside throws an ArgumentOutOfRangeException naming it.</param>
    /// <param name="gradients">Receives ∂L/∂z, <c>[batch, classes]</c>, or empty for the loss alone.</param>
    /// <param name="scratch">Length <paramref name="classes"/>, overwritten.</param>
    /// <param name="classes">Classes per row, at least 1.</param>
    /// <param name="labelSmoothing">ε in <c>[0, 1)</c>; 0 for none.</param>
    /// <returns>The mean loss over the batch, in nats.</returns>
    /// <exception cref="ArgumentException">A span's length does not match the others.</exception>
    public static float CrossEntropy(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> gradients, Span<float> scratch, int classes, float labelSmoothing)
    {
        int batchSize = Rows(logits, classes, gradients, scratch);
        CheckLength(labels.Length, batchSize, nameof(labels));
        CheckSmoothing(labelSmoothing);
        bool smoothing = labelSmoothing != 0f;
        float keep = 1f - labelSmoothing, spread = labelSmoothing / classes;
        float scale = 1f / batchSize;
        double total = 0;
        for (int b = 0; b < batchSize; b++)
        {
            ReadOnlySpan<float> z = logits.Slice(b * classes, classes);
            Shift(z, scratch);
            int label = labels[b];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"labels[{b}] is {label}; class indices must be between 0 and {classes - 1}.");
            }

            double targetDot = smoothing
                ? (keep * (double)scratch[label]) + (spread * SumInDouble(scratch))
                : scratch[label];
            TensorPrimitives.Exp(scratch, scratch);
            float sum = TensorPrimitives.Sum<float>(scratch);
            total += Math.Log(sum) - targetDot;
            if (!gradients.IsEmpty)
            {
                Span<float> dz = gradients.Slice(b * classes, classes);
                TensorPrimitives.Multiply(scratch, scale / sum, dz);
                dz[label] -= smoothing ? keep * scale : scale;
                if (smoothing)
                {
                    TensorPrimitives.Subtract(dz, spread * scale, dz);
                }
            }
        }

        return (float)(total / batchSize);
    }

    /// <summary>
    /// CrossEntropy fused with Softmax, from target rows: <c>L_b = Σ_k y_k (log Σ_j e^(z_j) - z_k)</c>,
    /// <c>∂L/∂z = (softmax(z)·Σ_k y_k - y) / batch</c>, which is <c>(p - y) / batch</c> for one-hot or probability rows.
    /// Label smoothing as in the overload taking labels. Finite for any finite logits.
    /// </summary>
    /// <param name="logits"><c>[batch, classes]</c>.</param>
    /// <param name="targets"><c>[batch, classes]</c>: one-hot or probability rows.</param>
    /// <param name="gradients">Receives ∂L/∂z, <c>[batch, classes]</c>, or empty for the loss alone.</param>
    /// <param name="scratch">Length <paramref name="classes"/>, overwritten.</param>
    /// <param name="classes">Classes per row, at least 1.</param>
    /// <param name="labelSmoothing">ε in <c>[0, 1)</c>; 0 for none.</param>
    /// <returns>The mean loss over the batch, in nats.</returns>
    /// <exception cref="ArgumentException">A span's length does not match the others.</exception>
    public static float CrossEntropy(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradients, Span<float> scratch, int classes, float labelSmoothing)
    {
        int batchSize = Rows(logits, classes, gradients, scratch);
        CheckLength(targets.Length, logits.Length, nameof(targets));
        CheckSmoothing(labelSmoothing);
        bool smoothing = labelSmoothing != 0f;
        float keep = 1f - labelSmoothing, spread = labelSmoothing / classes;
        float scale = 1f / batchSize;
        double total = 0;
        for (int b = 0; b < batchSize; b++)
        {
            ReadOnlySpan<float> z = logits.Slice(b * classes, classes);
            ReadOnlySpan<float> y = targets.Slice(b * classes, classes);
            Shift(z, scratch);
            float targetSum = smoothing ? (keep * TensorPrimitives.Sum(y)) + labelSmoothing : TensorPrimitives.Sum(y);
            double targetDot = smoothing
                ? (keep * (double)TensorPrimitives.Dot(y, scratch)) + (spread * SumInDouble(scratch))
                : TensorPrimitives.Dot(y, scratch);
            TensorPrimitives.Exp(scratch, scratch);
            float sum = TensorPrimitives.Sum<float>(scratch);
            total += (targetSum * Math.Log(sum)) - targetDot;
            if (!gradients.IsEmpty)
            {
                Span<float> dz = gradients.Slice(b * classes, classes);
                TensorPrimitives.Multiply(scratch, scale * targetSum / sum, dz);
                TensorPrimitives.MultiplyAdd(y, smoothing ? -keep * scale : -scale, dz, dz);
                if (smoothing)
                {
                    TensorPrimitives.Subtract(dz, spread * scale, dz);
                }
            }
        }

        return (float)(total / batchSize);
    }

    /// <summary>
    /// BinaryCrossEntropy fused with Sigmoid, from 0/1 labels (PyTorch <c>BCEWithLogitsLoss</c>):
    /// <c>L = mean of max(z, 0) - z·y + log(1 + e^-|z|)</c>, finite for any finite z; <c>∂L/∂z = (σ(z) - y) / n</c>.
    /// </summary>
    /// <param name="logits">The logits, length n (batch × outputs).</param>
    /// <param name="labels">Length n; each 0 or 1, else an ArgumentOutOfRangeException naming it.</param>
    /// <param name="gradients">Receives ∂L/∂z, length n, or empty for the loss alone.</param>
    /// <returns>The mean loss over every element, in nats.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="logits"/>'s.</exception>
    public static float BinaryCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> gradients)
    {
        CheckLength(labels.Length, logits.Length, nameof(labels));
        CheckGradients(gradients, logits.Length);
        float scale = 1f / logits.Length;
        double total = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            if ((uint)labels[i] > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"labels[{i}] is {labels[i]}; binary labels must be 0 or 1.");
            }

            total += BinaryCrossEntropy(logits[i], labels[i], gradients, i, scale);
        }

        return (float)(total / logits.Length);
    }

    /// <summary>
    /// BinaryCrossEntropy fused with Sigmoid, from targets in [0, 1] (PyTorch <c>BCEWithLogitsLoss</c>): see the
    /// overload taking labels.
    /// </summary>
    /// <param name="logits">The logits, length n (batch × outputs).</param>
    /// <param name="targets">Length n; each 0, 1 or a probability.</param>
    /// <param name="gradients">Receives ∂L/∂z, length n, or empty for the loss alone.</param>
    /// <returns>The mean loss over every element, in nats.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="logits"/>'s.</exception>
    public static float BinaryCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradients)
    {
        CheckLength(targets.Length, logits.Length, nameof(targets));
        CheckGradients(gradients, logits.Length);
        float scale = 1f / logits.Length;
        double total = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            total += BinaryCrossEntropy(logits[i], targets[i], gradients, i, scale);
        }

        return (float)(total / logits.Length);
    }

    /// <summary>
    /// MeanSquaredError (PyTorch <c>MSELoss</c>): <c>L = Σ (a - y)² / n</c>, <c>∂L/∂a = 2(a - y) / n</c>.
    /// </summary>
    /// <param name="outputs">The network's outputs a, length n (batch × outputs).</param>
    /// <param name="targets">Length n.</param>
    /// <param name="gradients">Receives ∂L/∂a, length n, or empty for the loss alone.</param>
    /// <returns>The mean loss over every element.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="outputs"/>'s.</exception>
    public static float MeanSquaredError(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> gradients) =>
        Elementwise(outputs, targets, gradients, 2f, default(SquaredError));

    /// <summary>
    /// MeanAbsoluteError (PyTorch <c>L1Loss</c>): <c>L = Σ |a - y| / n</c>, <c>∂L/∂a = sign(a - y) / n</c>, 0 where equal.
    /// </summary>
    /// <param name="outputs">The network's outputs a, length n (batch × outputs).</param>
    /// <param name="targets">Length n.</param>
    /// <param name="gradients">Receives ∂L/∂a, length n, or empty for the loss alone.</param>
    /// <returns>The mean loss over every element.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="outputs"/>'s.</exception>
    public static float MeanAbsoluteError(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> gradients) =>
        Elementwise(outputs, targets, gradients, 1f, default(AbsoluteError));

    /// <summary>
    /// Huber loss (Huber 1964, PyTorch <c>HuberLoss</c>): with <c>d = a - y</c>, the mean of <c>½d²</c> for
    /// <c>|d| ≤ δ</c> and <c>δ·(|d| - ½δ)</c> above; <c>∂L/∂a = d</c> or <c>δ·sign(d)</c>, over n.
    /// </summary>
    /// <param name="outputs">The network's outputs a, length n (batch × outputs).</param>
    /// <param name="targets">Length n.</param>
    /// <param name="gradients">Receives ∂L/∂a, length n, or empty for the loss alone.</param>
    /// <param name="delta">δ, greater than 0.</param>
    /// <returns>The mean loss over every element.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="outputs"/>'s.</exception>
    public static float Huber(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> gradients, float delta) =>
        Elementwise(outputs, targets, gradients, 1f, new HuberError(NetworkArguments.Positive(delta, nameof(delta))));

    /// <summary>One element of an element-wise loss, from d = a - y: its term of the sum, and ∂term/∂a before the 1/n scale.</summary>
    private interface IElementwiseLoss
    {
        double Term(float difference);

        float Derivative(float difference);
    }

    private readonly struct SquaredError : IElementwiseLoss
    {
        public double Term(float difference) => (double)difference * difference;

        public float Derivative(float difference) => difference; // 2d, with the 2 in the scale
    }

    private readonly struct AbsoluteError : IElementwiseLoss
    {
        public double Term(float difference) => Math.Abs(difference);

        public float Derivative(float difference) => difference > 0f ? 1f : difference < 0f ? -1f : 0f;
    }

    private readonly struct HuberError(float delta) : IElementwiseLoss
    {
        public double Term(float difference)
        {
            float magnitude = MathF.Abs(difference);
            return magnitude <= delta ? 0.5 * difference * difference : delta * (magnitude - (0.5 * delta));
        }

        public float Derivative(float difference) => MathF.Abs(difference) <= delta ? difference : difference > 0f ? delta : -delta;
    }

    // The mean of the terms, summed in double; the gradients (when asked) are factor/n times each derivative.
    private static float Elementwise<TLoss>(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> gradients, float factor, TLoss loss)
        where TLoss : struct, IElementwiseLoss
    {
        CheckLength(targets.Length, outputs.Length, nameof(targets));
        CheckGradients(gradients, outputs.Length);
        if (outputs.IsEmpty)
        {
            throw new ArgumentException("outputs is empty; a loss needs at least one element.", nameof(outputs));
        }

        float scale = factor / outputs.Length;
        double total = 0;
        for (int i = 0; i < outputs.Length; i++)
        {
            float difference = outputs[i] - targets[i];
            total += loss.Term(difference);
            if (!gradients.IsEmpty)
            {
                gradients[i] = loss.Derivative(difference) * scale;
            }
        }

        return (float)(total / outputs.Length);
    }

    private static double BinaryCrossEntropy(float z, float y, Span<float> gradients, int i, float scale)
    {
        if (!gradients.IsEmpty)
        {
            gradients[i] = ((1f / (1f + MathF.Exp(-z))) - y) * scale;
        }

        return Math.Max(z, 0f) - ((double)z * y) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
    }

    // The shifted logits can each be near float.MinValue: their sum overflows a float, not a double.
    private static double SumInDouble(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float value in values)
        {
            sum += value;
        }

        return sum;
    }

    // scratch = max(z - max z, float.MinValue): z - max overflows to -∞ when logits are ±3e38 apart; clamping keeps the
    // loss finite and 0·(-∞) = NaN out of the dot products.
    private static void Shift(ReadOnlySpan<float> z, Span<float> scratch)
    {
        TensorPrimitives.Subtract(z, TensorPrimitives.Max(z), scratch);
        TensorPrimitives.Max(scratch, float.MinValue, scratch);
    }

    private static int Rows(ReadOnlySpan<float> logits, int classes, Span<float> gradients, Span<float> scratch)
    {
        if (classes < 1 || logits.IsEmpty || logits.Length % classes != 0)
        {
            throw new ArgumentException($"logits has length {logits.Length}, which is not a whole, non-zero number of rows of {classes} classes.", nameof(logits));
        }

        CheckGradients(gradients, logits.Length);
        CheckLength(scratch.Length, classes, nameof(scratch));
        return logits.Length / classes;
    }

    private static void CheckSmoothing(float labelSmoothing)
    {
        if (!(labelSmoothing >= 0f && labelSmoothing < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, $"labelSmoothing must be in [0, 1); it is {labelSmoothing}.");
        }
    }

    private static void CheckGradients(Span<float> gradients, int length)
    {
        if (!gradients.IsEmpty)
        {
            CheckLength(gradients.Length, length, nameof(gradients));
        }
    }

    private static void CheckLength(int actual, int expected, string parameterName) =>
        NetworkArguments.CheckLength(actual, expected, parameterName, "the loss");
}
