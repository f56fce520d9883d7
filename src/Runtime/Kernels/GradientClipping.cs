using System;
using System.Numerics.Tensors;

namespace StaticNet.Kernels;

/// <summary>Gradient clipping in place, as PyTorch's <c>clip_grad_value_</c> and <c>clip_grad_norm_</c>. Allocation-free.</summary>
public static class GradientClipping
{
    /// <summary>Clamps every gradient to <c>[-clipValue, clipValue]</c>.</summary>
    /// <param name="gradients">The gradients, clipped in place.</param>
    /// <param name="clipValue">c, greater than 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clipValue"/> is not finite and greater than 0.</exception>
    public static void ByValue(Span<float> gradients, float clipValue)
    {
        NetworkArguments.Positive(clipValue, nameof(clipValue));
        TensorPrimitives.Min(gradients, clipValue, gradients);
        TensorPrimitives.Max(gradients, -clipValue, gradients);
    }

    /// <summary>
    /// Scales all gradients by <c>maxNorm / (‖g‖ + 1e-6)</c> when that is below 1 (Pascanu et al. 2013), ‖g‖ the
    /// global L2 norm.
    /// </summary>
    /// <param name="gradients">The gradients, scaled in place.</param>
    /// <param name="maxNorm">The largest norm kept, greater than 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not finite and greater than 0.</exception>
    public static void ByNorm(Span<float> gradients, float maxNorm)
    {
        NetworkArguments.Positive(maxNorm, nameof(maxNorm));
        float coefficient = maxNorm / (TensorPrimitives.Norm(gradients) + 1e-6f);
        if (coefficient < 1f)
        {
            TensorPrimitives.Multiply(gradients, coefficient, gradients);
        }
    }
}
