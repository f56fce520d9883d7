using System;

namespace StaticNet;

/// <summary>
/// Gradient clipping by value (PyTorch <c>clip_grad_value_</c>): before each optimizer step every gradient is clamped to
/// <c>[-clipValue, clipValue]</c>, in place in <c>Gradients</c>, before L1/L2 are added.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ClipGradientValueAttribute : Attribute
{
    /// <summary>Declares clipping by value.</summary>
    /// <param name="clipValue">Largest allowed magnitude, finite and greater than 0; changeable at run time through the generated <c>GradientClipValue</c> property.</param>
    public ClipGradientValueAttribute(float clipValue) => ClipValue = clipValue;

    /// <summary>Largest allowed magnitude of a gradient.</summary>
    public float ClipValue { get; }
}
