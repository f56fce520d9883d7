using System;

namespace StaticNet;

/// <summary>
/// Inverted dropout (Srivastava et al. 2014) on the output of the <see cref="DenseAttribute"/> layer declared just before
/// it: in training each activation is zeroed with probability <c>rate</c> and the survivors are scaled by
/// <c>1/(1 - rate)</c>, so inference is the identity (PyTorch <c>Dropout</c>). Active in <c>TrainStep</c>,
/// <c>ComputeGradients</c> and <c>ComputeLoss(..., training: true)</c>; never in <c>Predict</c>. Masks come from a
/// generator seeded with the network's seed (reseed with the generated <c>SeedDropout</c>), so runs are reproducible.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute : Attribute
{
    /// <summary>Declares a dropout layer.</summary>
    /// <param name="rate">Probability of zeroing an activation, in [0, 1); changeable at run time through the generated property.</param>
    public DropoutAttribute(float rate) => Rate = rate;

    /// <summary>Probability of zeroing an activation.</summary>
    public float Rate { get; }
}
