using System;
using System.Collections.Generic;
using System.Linq;

namespace StaticNet;

/// <summary>
/// How a generated network's parameters are written to a model file: the tensors in order, a readable description of
/// the architecture and its fingerprint. The generator emits one per network (its static <c>Layout</c>); a file
/// records the fingerprint and the description, so a file made for another architecture is refused even when every
/// shape matches (two networks that differ only in an activation).
/// </summary>
public sealed class ModelLayout
{
    /// <summary>Creates a layout.</summary>
    /// <param name="architecture">The architecture in words, e.g. <c>Input 784 -> Dense 256 ReLU -> Dense 10 Softmax</c>.</param>
    /// <param name="fingerprint">A short hash of <paramref name="architecture"/> (16 hexadecimal digits from the generator).</param>
    /// <param name="parameterBufferLength">Length of the network's parameter buffer, padding included.</param>
    /// <param name="tensors">The tensors in file order, with distinct names, each inside the buffer.</param>
    /// <exception cref="ArgumentException">A tensor lies outside the buffer, two share a name, or two overlap.</exception>
    public ModelLayout(string architecture, string fingerprint, int parameterBufferLength, params ModelTensor[] tensors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        ArgumentOutOfRangeException.ThrowIfNegative(parameterBufferLength);
        ArgumentNullException.ThrowIfNull(tensors);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ModelTensor tensor in tensors)
        {
            tensor.CheckWithin(parameterBufferLength);
            if (!names.Add(tensor.Name))
            {
                throw new ArgumentException($"Two tensors are named {tensor.Name}.", nameof(tensors));
            }
        }

        ModelTensor[] byOffset = tensors.OrderBy(t => t.Offset).ToArray();
        for (int i = 1; i < byOffset.Length; i++)
        {
            if (byOffset[i - 1].Offset + byOffset[i - 1].Length > byOffset[i].Offset)
            {
                throw new ArgumentException($"Tensors {byOffset[i - 1].Name} and {byOffset[i].Name} overlap in the parameter buffer.", nameof(tensors));
            }
        }

        Architecture = architecture;
        Fingerprint = fingerprint;
        ParameterBufferLength = parameterBufferLength;
        Tensors = tensors.ToArray();
    }

    /// <summary>The architecture in words; a file records it as <c>staticnet.architecture</c>.</summary>
    public string Architecture { get; }

    /// <summary>A hash of <see cref="Architecture"/>; a file records it as <c>staticnet.fingerprint</c>.</summary>
    public string Fingerprint { get; }

    /// <summary>Length of the parameter buffer the tensors live in.</summary>
    public int ParameterBufferLength { get; }

    /// <summary>The tensors, in the order a file stores them.</summary>
    public IReadOnlyList<ModelTensor> Tensors { get; }

    /// <summary>Number of parameters: the sum of the tensors' lengths.</summary>
    public int ParameterCount => Tensors.Sum(t => t.Length);

    /// <summary>The optimizer as a checkpoint records it (<c>staticnet.optimizer</c>), e.g. <c>Adam</c>; empty if unknown.</summary>
    public string Optimizer { get; init; } = string.Empty;

    /// <summary>
    /// The optimizer's state buffers under PyTorch's names (<c>exp_avg</c>, <c>exp_avg_sq</c> for Adam;
    /// <c>momentum_buffer</c>; <c>sum</c> for AdaGrad...), in the order of
    /// <see cref="ITrainingState.OptimizerState(int)"/>; empty for plain SGD.
    /// </summary>
    public IReadOnlyList<string> OptimizerStates { get; init; } = Array.Empty<string>();

    /// <summary>The Dense layers in order, with their activations: the inference graph <see cref="OnnxExport"/> writes.</summary>
    public IReadOnlyList<ModelLayer> Layers { get; init; } = Array.Empty<ModelLayer>();
}
