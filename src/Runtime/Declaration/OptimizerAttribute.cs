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

    /// <summary>Step size per optimizer step, greater than 0. Default 0.01 for SGD and Momentum, 0.001 for Adam.</summary>
    public float LearningRate { get; set; } = float.NaN;

    /// <summary>Momentum factor μ for <see cref="OptimizerKind.Momentum"/>, in [0, 1). Default 0.9.</summary>
    public float Momentum { get; set; } = float.NaN;

    /// <summary>Adam's decay rate of the first-moment estimate, in [0, 1). Default 0.9.</summary>
    public float Beta1 { get; set; } = float.NaN;

    /// <summary>Adam's decay rate of the second-moment estimate, in [0, 1). Default 0.999.</summary>
    public float Beta2 { get; set; } = float.NaN;

    /// <summary>Adam's ε, added to the denominator of the update, greater than 0. Default 1e-8.</summary>
    public float Epsilon { get; set; } = float.NaN;
}
