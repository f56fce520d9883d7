using System;

namespace StaticNet;

/// <summary>
/// L2 penalty on the weights (not the biases), coupled with the gradient as in PyTorch's <c>weight_decay</c>:
/// adds <c>(λ/2)·Σw²</c> to the objective, so <c>λ·w</c> is added to each weight's gradient before the optimizer step.
/// The penalty is not included in the loss returned by <c>TrainStep</c>; the generated <c>RegularizationLoss()</c> returns it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class L2Attribute : Attribute
{
    /// <summary>Declares the L2 penalty.</summary>
    /// <param name="strength">λ, at least 0; changeable at run time through the generated <c>L2Strength</c> property.</param>
    public L2Attribute(float strength) => Strength = strength;

    /// <summary>λ, the gradient added per unit of weight.</summary>
    public float Strength { get; }
}
