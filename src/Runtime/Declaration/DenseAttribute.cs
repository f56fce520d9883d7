using System;

namespace StaticNet;

/// <summary>
/// A fully connected layer, <c>a = f(x · W + b)</c> with <c>W</c> of shape <c>[inputs x units]</c> and <c>b</c> of length
/// <c>units</c>. Layers run in the order their attributes appear in the source.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : Attribute
{
    /// <summary>Declares a Dense layer.</summary>
    /// <param name="units">Number of outputs of the layer, at least 1.</param>
    /// <param name="activation">Activation applied to the outputs; <see cref="Activation.Identity"/> when omitted.</param>
    public DenseAttribute(int units, Activation activation = Activation.Identity)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>Number of outputs of the layer.</summary>
    public int Units { get; }

    /// <summary>Activation applied to the outputs.</summary>
    public Activation Activation { get; }

    /// <summary>Slope below zero for <see cref="Activation.LeakyReLU"/>, finite; default 0.01 (PyTorch <c>negative_slope</c>).</summary>
    public float NegativeSlope { get; set; } = float.NaN;

    /// <summary>α of <see cref="Activation.ELU"/>, finite and greater than 0; default 1.</summary>
    public float Alpha { get; set; } = float.NaN;

    /// <summary>How the weights are initialised; by default chosen from the activation (see <see cref="WeightInitialization.Default"/>).</summary>
    public WeightInitialization WeightInit { get; set; }
}
