using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace StaticNet.Kernels;

/// <summary>
/// The kernels of a Dense layer <c>z = x · W + b</c> with <c>W</c> of shape <c>[Inputs x Units]</c> row-major, written
/// once and specialised per layer by the JIT through a struct type argument (see
/// <see cref="IDenseShape"/>). Matrices are row-major <c>[batchSize x features]</c>. Every span's length is checked on
/// entry, so nothing is read or written out of bounds whatever the caller passes; after the checks the loops run
/// without bounds checks. Allocation-free and thread-safe (no state of their own).
/// </summary>
public static class Dense
{
    /// <summary>Forward pass: <c>outputs = inputs · weights + bias</c>, <c>[batchSize x Inputs] x [Inputs x Units] + [Units]</c>.</summary>
    /// <typeparam name="TLayer">The layer's shape.</typeparam>
    /// <param name="inputs"><c>[batchSize, Inputs]</c>.</param>
    /// <param name="weights"><c>[Inputs, Units]</c>.</param>
    /// <param name="bias"><c>[Units]</c>.</param>
    /// <param name="outputs">Receives <c>[batchSize, Units]</c>; must not overlap the other spans.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <exception cref="ArgumentException">A span's length differs from its shape, or <paramref name="batchSize"/> is below 1.</exception>
    public static void Forward<TLayer>(ReadOnlySpan<float> inputs, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> outputs, int batchSize)
        where TLayer : struct, IDenseShape
    {
        CheckForward<TLayer>(inputs.Length, weights.Length, bias.Length, outputs.Length, batchSize);
        Gemm.Multiply<ForwardGemm<TLayer>>(
            ref MemoryMarshal.GetReference(inputs), ref MemoryMarshal.GetReference(weights), ref MemoryMarshal.GetReference(outputs),
            ref MemoryMarshal.GetReference(bias), batchSize);
    }

    /// <summary>
    /// Forward pass of a ReLU layer: <c>outputs = max(0, inputs · weights + bias)</c>, ReLU applied as each output is
    /// stored, so the activations take one pass instead of two. The same bits as <see cref="Forward{TLayer}"/> followed by
    /// <see cref="ActivationFunctions.ReLU"/>.
    /// </summary>
    /// <typeparam name="TLayer">The layer's shape.</typeparam>
    /// <param name="inputs"><c>[batchSize, Inputs]</c>.</param>
    /// <param name="weights"><c>[Inputs, Units]</c>.</param>
    /// <param name="bias"><c>[Units]</c>.</param>
    /// <param name="outputs">Receives <c>[batchSize, Units]</c>; must not overlap the other spans.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <exception cref="ArgumentException">A span's length differs from its shape, or <paramref name="batchSize"/> is below 1.</exception>
    public static void ForwardReLU<TLayer>(ReadOnlySpan<float> inputs, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> outputs, int batchSize)
        where TLayer : struct, IDenseShape
    {
        CheckForward<TLayer>(inputs.Length, weights.Length, bias.Length, outputs.Length, batchSize);
        Gemm.Multiply<ForwardReLUGemm<TLayer>>(
            ref MemoryMarshal.GetReference(inputs), ref MemoryMarshal.GetReference(weights), ref MemoryMarshal.GetReference(outputs),
            ref MemoryMarshal.GetReference(bias), batchSize);
    }

    /// <summary>
    /// Parameter gradients: <c>weightGradients = inputsᵀ · outputGradients</c> (<c>[Inputs x batchSize] x [batchSize x Units]</c>,
    /// the inputs read transposed in place) and <c>biasGradients = Σ over the batch of outputGradients</c>. Overwrites both.
    /// </summary>
    /// <typeparam name="TLayer">The layer's shape.</typeparam>
    /// <param name="inputs">The layer's inputs in the forward pass, <c>[batchSize, Inputs]</c>.</param>
    /// <param name="outputGradients">∂L/∂z, <c>[batchSize, Units]</c>.</param>
    /// <param name="weightGradients">Receives ∂L/∂W, <c>[Inputs, Units]</c>.</param>
    /// <param name="biasGradients">Receives ∂L/∂b, <c>[Units]</c>.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <exception cref="ArgumentException">A span's length differs from its shape, or <paramref name="batchSize"/> is below 1.</exception>
    public static void ParameterGradients<TLayer>(
        ReadOnlySpan<float> inputs, ReadOnlySpan<float> outputGradients, Span<float> weightGradients, Span<float> biasGradients, int batchSize)
        where TLayer : struct, IDenseShape
    {
        FrozenShape<TLayer>.Check();
        CheckBatchSize(batchSize);
        CheckLength(inputs.Length, (long)batchSize * FrozenShape<TLayer>.Inputs, nameof(inputs));
        CheckLength(outputGradients.Length, (long)batchSize * FrozenShape<TLayer>.Units, nameof(outputGradients));
        CheckLength(weightGradients.Length, (long)FrozenShape<TLayer>.Inputs * FrozenShape<TLayer>.Units, nameof(weightGradients));
        CheckLength(biasGradients.Length, FrozenShape<TLayer>.Units, nameof(biasGradients));
        Gemm.Multiply<WeightGradientGemm<TLayer>>(
            ref MemoryMarshal.GetReference(inputs), ref MemoryMarshal.GetReference(outputGradients), ref MemoryMarshal.GetReference(weightGradients),
            ref MemoryMarshal.GetReference(biasGradients), batchSize);
        ColumnSums(outputGradients, biasGradients);
    }

    /// <summary>
    /// Input gradients: <c>inputGradients = outputGradients · weightsᵀ</c>, <c>[batchSize x Units] x [Units x Inputs]</c>.
    /// Wᵀ is first copied into <paramref name="transposedWeights"/> so that the kernel reads contiguous rows.
    /// </summary>
    /// <typeparam name="TLayer">The layer's shape.</typeparam>
    /// <param name="outputGradients">∂L/∂z, <c>[batchSize, Units]</c>.</param>
    /// <param name="weights"><c>[Inputs, Units]</c>.</param>
    /// <param name="transposedWeights">Scratch of <c>[Units, Inputs]</c>, overwritten.</param>
    /// <param name="inputGradients">Receives ∂L/∂x, <c>[batchSize, Inputs]</c>.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <exception cref="ArgumentException">A span's length differs from its shape, or <paramref name="batchSize"/> is below 1.</exception>
    public static void InputGradients<TLayer>(
        ReadOnlySpan<float> outputGradients, ReadOnlySpan<float> weights, Span<float> transposedWeights, Span<float> inputGradients, int batchSize)
        where TLayer : struct, IDenseShape
    {
        FrozenShape<TLayer>.Check();
        CheckBatchSize(batchSize);
        CheckLength(outputGradients.Length, (long)batchSize * FrozenShape<TLayer>.Units, nameof(outputGradients));
        CheckLength(weights.Length, (long)FrozenShape<TLayer>.Inputs * FrozenShape<TLayer>.Units, nameof(weights));
        CheckLength(transposedWeights.Length, (long)FrozenShape<TLayer>.Inputs * FrozenShape<TLayer>.Units, nameof(transposedWeights));
        CheckLength(inputGradients.Length, (long)batchSize * FrozenShape<TLayer>.Inputs, nameof(inputGradients));
        Gemm.MultiplyByTranspose<InputGradientGemm<TLayer>>(
            ref MemoryMarshal.GetReference(outputGradients), ref MemoryMarshal.GetReference(weights), ref MemoryMarshal.GetReference(transposedWeights),
            ref MemoryMarshal.GetReference(inputGradients), batchSize);
    }

    /// <summary>Column sums of a row-major <c>[rows x sums.Length]</c> matrix, overwriting <paramref name="sums"/>.</summary>
    private static void ColumnSums(ReadOnlySpan<float> matrix, Span<float> sums)
    {
        sums.Clear();
        for (int row = 0; row < matrix.Length; row += sums.Length)
        {
            TensorPrimitives.Add(sums, matrix.Slice(row, sums.Length), sums);
        }
    }

    // The checks of both forward passes, each length named after its parameter.
    private static void CheckForward<TLayer>(int inputs, int weights, int bias, int outputs, int batchSize)
        where TLayer : struct, IDenseShape
    {
        FrozenShape<TLayer>.Check();
        CheckBatchSize(batchSize);
        CheckLength(inputs, (long)batchSize * FrozenShape<TLayer>.Inputs, nameof(inputs));
        CheckLength(weights, (long)FrozenShape<TLayer>.Inputs * FrozenShape<TLayer>.Units, nameof(weights));
        CheckLength(bias, FrozenShape<TLayer>.Units, nameof(bias));
        CheckLength(outputs, (long)batchSize * FrozenShape<TLayer>.Units, nameof(outputs));
    }

    private static void CheckBatchSize(int batchSize)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be at least 1; it is {batchSize}.");
        }
    }

    private static void CheckLength(int actual, long expected, string parameterName) =>
        NetworkArguments.CheckLength(actual, expected, parameterName, "the layer's shape");
}
