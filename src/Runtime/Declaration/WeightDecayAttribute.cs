using System;

namespace StaticNet;

/// <summary>
/// Decoupled weight decay (Loshchilov &amp; Hutter 2019): before each optimizer update the weights (not the biases unless
/// <see cref="NetworkAttribute.PenalizeBiases"/>) shrink as <c>w ← w·(1 - lr·λ)</c>, independently of the gradient, for
/// any optimizer (PyTorch <c>AdamW</c>'s rule). Unlike <see cref="L2Attribute"/> it is not added to the gradient, so Adam's
/// scaling does not weaken it. <see cref="OptimizerKind.AdamW"/> without this attribute decays with λ = 0.01.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class WeightDecayAttribute : Attribute
{
    /// <summary>Declares decoupled weight decay.</summary>
    /// <param name="strength">λ, finite and at least 0, as a fraction of the weight per unit of learning rate; changeable at run time through the generated <c>WeightDecay</c> property.</param>
    public WeightDecayAttribute(float strength) => Strength = strength;

    /// <summary>λ.</summary>
    public float Strength { get; }
}
