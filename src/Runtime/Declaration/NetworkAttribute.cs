using System;

namespace StaticNet;

/// <summary>
/// Marks a <c>partial class</c> as a network whose training and inference code StaticNet generates at compile time.
/// Layers are the <see cref="DenseAttribute"/>s on the class, in source order; a <see cref="LossAttribute"/> and an
/// <see cref="OptimizerAttribute"/> are required, <see cref="L1Attribute"/> and <see cref="L2Attribute"/> are optional.
/// </summary>
/// <example>
/// <code>
/// [Network(InputSize = 784)]
/// [Dense(128, Activation.ReLU)]
/// [Dense(10, Activation.Softmax)]
/// [Loss(LossFunction.CrossEntropy)]
/// [Optimizer(OptimizerKind.Adam, LearningRate = 1e-3f)]
/// public partial class FashionMlp { }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>Number of input features per sample (784 for a 28x28 image). Required, at least 1.</summary>
    public int InputSize { get; set; }

    /// <summary>
    /// Whether L1, L2 and decoupled weight decay also apply to the biases. Off by default (the usual practice); on, the
    /// biases are penalised exactly like the weights (as PyTorch's <c>weight_decay</c> does for every parameter it is given).
    /// </summary>
    public bool PenalizeBiases { get; set; }
}
