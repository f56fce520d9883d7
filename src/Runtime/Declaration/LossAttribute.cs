using System;

namespace StaticNet;

/// <summary>Declares the loss the network is trained on. Required once per network.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LossAttribute : Attribute
{
    /// <summary>Declares the loss.</summary>
    /// <param name="function">The loss function; see <see cref="LossFunction"/> for the formulas.</param>
    public LossAttribute(LossFunction function) => Function = function;

    /// <summary>The loss function.</summary>
    public LossFunction Function { get; }

    /// <summary>
    /// Label smoothing ε of <see cref="LossFunction.CrossEntropy"/>, in [0, 1): targets become <c>(1-ε)·y + ε/K</c> over K classes
    /// (Szegedy et al. 2016; PyTorch <c>label_smoothing</c>). Default 0; changeable at run time through the generated
    /// <c>LabelSmoothing</c> property when declared.
    /// </summary>
    public float LabelSmoothing { get; set; } = float.NaN;

    /// <summary>Threshold δ of <see cref="LossFunction.Huber"/>, finite and greater than 0; default 1.</summary>
    public float Delta { get; set; } = float.NaN;
}
