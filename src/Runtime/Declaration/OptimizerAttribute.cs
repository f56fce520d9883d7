using System;

namespace StaticNet;

/// <summary>
/// Declares the optimizer and the compile-time defaults of its hyper-parameters. Required once per network.
/// The kind is fixed at compile time; every hyper-parameter can be changed at run time through the generated
/// properties of the same name (learning-rate schedules need that). A hyper-parameter left unset (NaN) takes the
/// default given in <see cref="OptimizerKind"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OptimizerAttribute : Attribute
{
    /// <summary>Declares the optimizer.</summary>
    /// <param name="kind">The update rule.</param>
    public OptimizerAttribute(OptimizerKind kind) => Kind = kind;

    /// <summary>The update rule.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>Step size per optimizer step, greater than 0. Defaults as PyTorch's: 0.001 for SGD, Momentum, Nesterov, Adam and AdamW; 0.01 for AdaGrad and RMSProp.</summary>
    public float LearningRate { get; set; } = float.NaN;

    /// <summary>Momentum factor μ for <see cref="OptimizerKind.Momentum"/>, <see cref="OptimizerKind.Nesterov"/> (default 0.9) and <see cref="OptimizerKind.RMSProp"/> (default 0), in [0, 1).</summary>
    public float Momentum { get; set; } = float.NaN;

    /// <summary>Adam's and AdamW's decay rate of the first-moment estimate, in [0, 1). Default 0.9.</summary>
    public float Beta1 { get; set; } = float.NaN;

    /// <summary>Adam's and AdamW's decay rate of the second-moment estimate, in [0, 1). Default 0.999.</summary>
    public float Beta2 { get; set; } = float.NaN;

    /// <summary>ε added to the denominator of the update (AdaGrad, RMSProp, Adam, AdamW), greater than 0. Default 1e-10 for AdaGrad, 1e-8 otherwise.</summary>
    public float Epsilon { get; set; } = float.NaN;

    /// <summary>RMSProp's smoothing constant α of the squared-gradient average, in [0, 1). Default 0.99.</summary>
    public float Alpha { get; set; } = float.NaN;

    /// <summary>Centered RMSProp (Graves 2013): normalise by an estimate of the gradient's variance. Default false.</summary>
    public bool Centered { get; set; }

    /// <summary>
    /// The AMSGrad variant of Adam and AdamW (Reddi et al. 2018; PyTorch <c>amsgrad=True</c>): the update divides by the
    /// running maximum of the second-moment estimate. Default false.
    /// </summary>
    public bool Amsgrad { get; set; }
}
