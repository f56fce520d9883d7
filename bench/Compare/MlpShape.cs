using System;
using System.Linq;
using StaticNet.Bench;

namespace StaticNet.Compare;

/// <summary>
/// A multilayer perceptron as every peer builds it: Dense layers with ReLU between them and Softmax at the end, with
/// the initial weights of the StaticNet network of the same shape so that all peers start from the same point.
/// </summary>
/// <param name="Name">W1 or W2.</param>
/// <param name="Sizes">Input size, then each layer's units.</param>
internal sealed record MlpShape(string Name, int[] Sizes)
{
    /// <summary>784 → 128 → 10.</summary>
    public static readonly MlpShape W1 = new("W1", [784, 128, 10]);

    /// <summary>784 → 256 → 128 → 10.</summary>
    public static readonly MlpShape W2 = new("W2", [784, 256, 128, 10]);

    /// <summary>Number of Dense layers.</summary>
    public int LayerCount => Sizes.Length - 1;

    /// <summary>Floats per sample entering the network.</summary>
    public int InputSize => Sizes[0];

    /// <summary>Classes.</summary>
    public int OutputSize => Sizes[^1];

    /// <summary>2·in·out summed over the layers.</summary>
    public long ForwardFlopsPerSample => Enumerable.Range(0, LayerCount).Sum(l => 2L * Sizes[l] * Sizes[l + 1]);

    /// <summary>Forward, weight gradients, and input gradients for every layer but the first.</summary>
    public long TrainingFlopsPerSample => (2 * ForwardFlopsPerSample) + Enumerable.Range(1, LayerCount - 1).Sum(l => 2L * Sizes[l] * Sizes[l + 1]);

    /// <summary>
    /// The initial parameters, per layer: weights <c>[in x out]</c> row-major (StaticNet's layout) and biases, as the
    /// StaticNet network of this shape draws them from <paramref name="seed"/>.
    /// </summary>
    public (float[] Weights, float[] Bias)[] InitialParameters(int seed)
    {
        if (this == W1)
        {
            var network = new W1(seed);
            return [(network.Dense0Weights.ToArray(), network.Dense0Bias.ToArray()), (network.Dense1Weights.ToArray(), network.Dense1Bias.ToArray())];
        }

        if (this == W2)
        {
            var network = new W2(seed);
            return
            [
                (network.Dense0Weights.ToArray(), network.Dense0Bias.ToArray()),
                (network.Dense1Weights.ToArray(), network.Dense1Bias.ToArray()),
                (network.Dense2Weights.ToArray(), network.Dense2Bias.ToArray()),
            ];
        }

        throw new ArgumentException($"No StaticNet network has the shape {Name}.");
    }
}
