using System;

namespace StaticNet;

/// <summary>
/// L1 penalty on the weights (not the biases): adds <c>λ·Σ|w|</c> to the objective, so <c>λ·sign(w)</c>
/// (with sign(0) = 0) is added to each weight's gradient before the optimizer step. The penalty is not included
/// in the loss returned by <c>TrainStep</c>; the generated <c>RegularizationLoss()</c> returns it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class L1Attribute : Attribute
{
    /// <summary>Declares the L1 penalty.</summary>
    /// <param name="strength">λ, at least 0; changeable at run time through the generated <c>L1Strength</c> property.</param>
    public L1Attribute(float strength) => Strength = strength;

    /// <summary>λ, the penalty per unit of absolute weight.</summary>
    public float Strength { get; }
}
