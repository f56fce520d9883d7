using System;

namespace StaticNet;

/// <summary>
/// Gradient clipping by global norm (Pascanu et al. 2013; PyTorch <c>clip_grad_norm_</c>): before each optimizer step, when
/// the L2 norm of all gradients together exceeds <c>maxNorm</c>, every gradient is scaled by <c>maxNorm / (norm + 1e-6)</c>.
/// Applied to <c>Gradients</c> in place, after <see cref="ClipGradientValueAttribute"/> and before L1/L2 are added.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ClipGradientNormAttribute : Attribute
{
    /// <summary>Declares clipping by global norm.</summary>
    /// <param name="maxNorm">Largest allowed norm, finite and greater than 0; changeable at run time through the generated <c>MaxGradientNorm</c> property.</param>
    public ClipGradientNormAttribute(float maxNorm) => MaxNorm = maxNorm;

    /// <summary>Largest allowed global gradient norm.</summary>
    public float MaxNorm { get; }
}
