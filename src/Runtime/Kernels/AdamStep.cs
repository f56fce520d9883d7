using System;

namespace StaticNet.Kernels;

/// <summary>
/// The scalars of one Adam step: the hyper-parameters and the bias corrections of the moment estimates
/// (Kingma &amp; Ba 2015, Algorithm 1), computed in double as PyTorch does.
/// </summary>
public readonly struct AdamStep
{
    /// <summary>Computes the step's scalars.</summary>
    /// <param name="learningRate">lr, per step.</param>
    /// <param name="beta1">β1, decay of the first moment.</param>
    /// <param name="beta2">β2, decay of the second moment.</param>
    /// <param name="epsilon">ε, added to the denominator.</param>
    /// <param name="step">t, the number of this step, from 1.</param>
    public AdamStep(float learningRate, float beta1, float beta2, float epsilon, long step)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        StepSize = (float)(learningRate / (1 - Math.Pow(beta1, step)));
        BiasCorrection2Sqrt = (float)Math.Sqrt(1 - Math.Pow(beta2, step));
    }

    /// <summary>β1.</summary>
    public float Beta1 { get; }

    /// <summary>β2.</summary>
    public float Beta2 { get; }

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    /// <summary><c>lr / (1 - β1^t)</c>.</summary>
    public float StepSize { get; }

    /// <summary><c>√(1 - β2^t)</c>.</summary>
    public float BiasCorrection2Sqrt { get; }
}
