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
}
